#include "apps/browser/core/child_message_policy.h"

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

std::optional<std::string> checkPong(const wire::Pong& pong) {
  if (pong.payload().size() > Limits::kMaxPongPayloadBytes) {
    return tooLong("Pong payload", pong.payload().size(), Limits::kMaxPongPayloadBytes);
  }
  return std::nullopt;
}

// Children other than the GPU process have nothing to hand the browser but messages; a
// descriptor could be anything.
std::optional<std::string> checkNoDescriptors(const ipc::Message& message, const char* who) {
  if (message.fds.empty()) return std::nullopt;
  return std::string(who) + " may not send file descriptors (" + std::to_string(message.fds.size()) +
         " arrived)";
}

// Calls of demo://deadlock: one line of text each way. Who may call whom is Browser's to check.
std::optional<std::string> checkCallMessage(const wire::Envelope& envelope) {
  constexpr size_t kLimit = ipc::WireLimits::kMaxCallTextBytes;
  if (envelope.has_call()) {
    if (envelope.call().question().size() > kLimit)
      return tooLong("Call question", envelope.call().question().size(), kLimit);
    return std::nullopt;
  }
  const wire::CallReply& reply = envelope.call_reply();
  if (reply.answer().size() > kLimit)
    return tooLong("CallReply answer", reply.answer().size(), kLimit);
  if (reply.error().size() > kLimit)
    return tooLong("CallReply error", reply.error().size(), kLimit);
  if (reply.deadlock() || !reply.cycle().empty())
    return std::string("only the browser may say a call was part of a deadlock");
  return std::nullopt;
}

}  // namespace

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

std::optional<std::string> checkRendererMessage(const ipc::Message& message) {
  const wire::Envelope& envelope = message.envelope;
  if (auto violation = checkNoDescriptors(message, "a renderer")) return violation;
  switch (envelope.body_case()) {
    case wire::Envelope::kPong:
      return checkPong(envelope.pong());
    case wire::Envelope::kLogRecord:
      return checkLogRecord(envelope.log_record());
    case wire::Envelope::kDisplayList:
      return validateDisplayList(envelope.display_list());
    case wire::Envelope::kOpenUrl:
      if (envelope.open_url().url().size() > ipc::WireLimits::kMaxUrlBytes) {
        return tooLong("OpenUrl", envelope.open_url().url().size(), ipc::WireLimits::kMaxUrlBytes);
      }
      return std::nullopt;
    case wire::Envelope::kIpcLabRequest:  // no field the browser acts on without checking it
      return std::nullopt;
    case wire::Envelope::kCall:
    case wire::Envelope::kCallReply:
      return checkCallMessage(envelope);
    default:
      return "a renderer may not send " + IpcLog::bodyName(envelope);
  }
}

std::optional<std::string> checkGpuMessage(const ipc::Message& message) {
  const wire::Envelope& envelope = message.envelope;
  const bool carries_memory = envelope.has_surface_created();
  if (message.fds.size() != (carries_memory ? 1u : 0u)) {
    return IpcLog::bodyName(envelope) + " with " + std::to_string(message.fds.size()) +
           " file descriptors, expected " + (carries_memory ? "1" : "0");
  }
  switch (envelope.body_case()) {
    case wire::Envelope::kPong:
      return checkPong(envelope.pong());
    case wire::Envelope::kLogRecord:
      return checkLogRecord(envelope.log_record());
    case wire::Envelope::kSurfaceCreated:
    case wire::Envelope::kFrameReady:
      return std::nullopt;
    default:
      return "the GPU process may not send " + IpcLog::bodyName(envelope);
  }
}

std::optional<std::string> checkPluginMessage(const ipc::Message& message) {
  const wire::Envelope& envelope = message.envelope;
  if (auto violation = checkNoDescriptors(message, "a plugin")) return violation;
  switch (envelope.body_case()) {
    case wire::Envelope::kPong:
      return checkPong(envelope.pong());
    case wire::Envelope::kLogRecord:
      return checkLogRecord(envelope.log_record());
    case wire::Envelope::kPluginFrame:
      return validatePluginContent(envelope.plugin_frame().content());
    case wire::Envelope::kCall:
    case wire::Envelope::kCallReply:
      return checkCallMessage(envelope);
    default:
      return "a plugin may not send " + IpcLog::bodyName(envelope);
  }
}

}  // namespace sb::browser
