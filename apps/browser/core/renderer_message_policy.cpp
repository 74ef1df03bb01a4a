#include "apps/browser/core/renderer_message_policy.h"

#include "apps/browser/core/display_list_validator.h"
#include "apps/browser/core/ipc_log.h"
#include "common/ipc/wire_limits.h"

namespace sb::browser {
namespace {

using Limits = RendererMessageLimits;

std::string tooLong(const char* what, size_t size, size_t limit) {
  return std::string(what) + " of " + std::to_string(size) + " bytes, limit " +
         std::to_string(limit);
}

std::optional<std::string> checkLogRecord(const wire::LogRecord& record) {
  if (!wire::LogLevel_IsValid(record.level())) {
    return "LogRecord level " + std::to_string(record.level()) + " out of range";
  }
  if (record.logger().size() > Limits::kMaxLoggerNameBytes) {
    return tooLong("LogRecord logger name", record.logger().size(), Limits::kMaxLoggerNameBytes);
  }
  if (record.text().size() > Limits::kMaxLogTextBytes) {
    return tooLong("LogRecord text", record.text().size(), Limits::kMaxLogTextBytes);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> checkRendererMessage(const ipc::Message& message) {
  const wire::Envelope& envelope = message.envelope;
  // Renderers have nothing to hand the browser but messages; a descriptor could be anything.
  if (!message.fds.empty()) {
    return "a renderer may not send file descriptors (" + std::to_string(message.fds.size()) +
           " arrived)";
  }
  switch (envelope.body_case()) {
    case wire::Envelope::kPong:
      if (envelope.pong().payload().size() > Limits::kMaxPongPayloadBytes) {
        return tooLong("Pong payload", envelope.pong().payload().size(),
                       Limits::kMaxPongPayloadBytes);
      }
      return std::nullopt;
    case wire::Envelope::kLogRecord:
      return checkLogRecord(envelope.log_record());
    case wire::Envelope::kDisplayList:
      return validateDisplayList(envelope.display_list());
    case wire::Envelope::kOpenUrl:
      if (envelope.open_url().url().size() > ipc::WireLimits::kMaxUrlBytes) {
        return tooLong("OpenUrl", envelope.open_url().url().size(), ipc::WireLimits::kMaxUrlBytes);
      }
      return std::nullopt;
    default:
      return "a renderer may not send " + IpcLog::bodyName(envelope);
  }
}

}  // namespace sb::browser
