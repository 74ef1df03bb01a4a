// bodySummary and oneLineText (declared in ipc_record_format.h): one short line per message.
#include <google/protobuf/unknown_field_set.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "apps/browser/core/ipc_record_format.h"

namespace sb::browser {
namespace {

constexpr size_t kMaxTextBytes = 80;

std::string cellText(const std::string& text) { return oneLineText(text, kMaxTextBytes); }

// "LOG_LEVEL_WARN" -> "warn": the enum's own name without its prefix.
std::string enumWord(const std::string& name, const std::string& prefix) {
  std::string word = name.rfind(prefix, 0) == 0 ? name.substr(prefix.size()) : name;
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word.empty() ? "?" : word;
}

std::string size(int width, int height) {
  return std::to_string(width) + "x" + std::to_string(height);
}

std::string listSummary(const wire::DisplayList& list) {
  std::string text =
      std::to_string(list.items_size()) + " items, frame " + std::to_string(list.frame_number());
  if (!list.title().empty()) text += " \"" + cellText(list.title()) + "\"";
  return text;
}

std::string clickSummary(const wire::MouseClick& click) {
  return "click " + std::to_string(click.x()) + "," + std::to_string(click.y());
}

std::string inputSummary(const wire::InputEvent& input) {
  switch (input.event_case()) {
    case wire::InputEvent::kClick:
      return clickSummary(input.click());
    case wire::InputEvent::kScroll:
      return "scroll " + std::to_string(input.scroll().delta_y());
    case wire::InputEvent::kKey:
      if (input.key().special() != wire::KeyInput::SPECIAL_NONE) {
        return "key " + enumWord(wire::KeyInput::Special_Name(input.key().special()), "SPECIAL_");
      }
      return "key \"" + cellText(input.key().text()) + "\"";
    case wire::InputEvent::EVENT_NOT_SET:
      break;
  }
  return "(no event)";
}

std::string helloSummary(const wire::Hello& hello) {
  std::string text = enumWord(wire::ProcessKind_Name(hello.kind()), "PROCESS_KIND_") + " pid " +
                     std::to_string(hello.pid()) + " v" + std::to_string(hello.protocol_version());
  if (!hello.sandbox().enabled()) return text + ", no sandbox";
  int engaged = 0;
  for (const auto& layer : hello.sandbox().layers()) engaged += layer.engaged() ? 1 : 0;
  return text + ", sandbox " + std::to_string(engaged) + "/" +
         std::to_string(hello.sandbox().layers_size()) + " layers";
}

std::string ipcLabReportSummary(const wire::IpcLabReport& report) {
  std::string text = enumWord(wire::IpcLabReport::State_Name(report.state()), "STATE_");
  if (report.rows_size() > 0) text += ", " + std::to_string(report.rows_size()) + " rows";
  if (!report.error().empty()) text += ": " + cellText(report.error());
  return text;
}

std::string callSummary(const wire::Call& call) {
  std::string target = call.instance_id() != 0 ? "instance " + std::to_string(call.instance_id())
                                               : "box " + std::to_string(call.box_id());
  return std::string(call.blocking() ? "blocking" : "non-blocking") + ", " + target + ": " +
         cellText(call.question());
}

std::string callReplySummary(const wire::CallReply& reply) {
  if (reply.deadlock()) return "refused: deadlock " + cellText(reply.cycle());
  if (!reply.error().empty()) return "failed: " + cellText(reply.error());
  if (reply.waited_ms() == 0) return cellText(reply.answer());  // the callee's own reply
  return cellText(reply.answer()) + " (waited " + std::to_string(reply.waited_ms()) + " ms)";
}

// What follows the kind's name.
std::string details(const wire::Envelope& e) {
  switch (e.body_case()) {
    case wire::Envelope::kHello:
      return helloSummary(e.hello());
    case wire::Envelope::kPing:
      return std::to_string(e.ping().payload().size()) + " bytes";
    case wire::Envelope::kPong:
      return std::to_string(e.pong().payload().size()) + " bytes";
    case wire::Envelope::kShutdown:
      return cellText(e.shutdown().reason());
    case wire::Envelope::kLogRecord:
      return enumWord(wire::LogLevel_Name(e.log_record().level()), "LOG_LEVEL_") + ": " +
             cellText(e.log_record().text());
    case wire::Envelope::kNavigate:
      return cellText(e.navigate().url());
    case wire::Envelope::kResize:
      return size(e.resize().width(), e.resize().height());
    case wire::Envelope::kInput:
      return inputSummary(e.input());
    case wire::Envelope::kDebugFault:
      return enumWord(wire::DebugFault::Kind_Name(e.debug_fault().kind()), "KIND_");
    case wire::Envelope::kDisplayList:
      return listSummary(e.display_list());
    case wire::Envelope::kOpenUrl:
      return cellText(e.open_url().url());
    case wire::Envelope::kCreateSurface:
      return std::to_string(e.create_surface().surface_id()) + " " +
             size(e.create_surface().width(), e.create_surface().height());
    case wire::Envelope::kDestroySurface:
      return std::to_string(e.destroy_surface().surface_id());
    case wire::Envelope::kRasterizeFrame:
      return "surface " + std::to_string(e.rasterize_frame().surface_id()) + ", " +
             listSummary(e.rasterize_frame().display_list());
    case wire::Envelope::kReleaseBuffer:
      return "surface " + std::to_string(e.release_buffer().surface_id()) + " buffer " +
             std::to_string(e.release_buffer().buffer_index());
    case wire::Envelope::kSurfaceCreated:
      return std::to_string(e.surface_created().surface_id()) + " " +
             size(e.surface_created().width(), e.surface_created().height()) + " stride " +
             std::to_string(e.surface_created().stride()) + " x" +
             std::to_string(e.surface_created().buffer_count());
    case wire::Envelope::kFrameReady:
      return "surface " + std::to_string(e.frame_ready().surface_id()) + " buffer " +
             std::to_string(e.frame_ready().buffer_index()) + " frame " +
             std::to_string(e.frame_ready().frame_number());
    case wire::Envelope::kPluginCreate:
      return std::to_string(e.plugin_create().instance_id()) + " " +
             size(e.plugin_create().width(), e.plugin_create().height());
    case wire::Envelope::kPluginDestroy:
      return std::to_string(e.plugin_destroy().instance_id());
    case wire::Envelope::kPluginFrame:
      return std::to_string(e.plugin_frame().instance_id()) + ", " +
             listSummary(e.plugin_frame().content());
    case wire::Envelope::kPluginInput:
      return std::to_string(e.plugin_input().instance_id()) + " " +
             clickSummary(e.plugin_input().click());
    case wire::Envelope::kIpcLabRequest:
      return std::string(e.ipc_lab_request().start() ? "start" : "latest") + ", navigation " +
             std::to_string(e.ipc_lab_request().navigation_id());
    case wire::Envelope::kIpcLabReport:
      return ipcLabReportSummary(e.ipc_lab_report());
    case wire::Envelope::kCall:
      return callSummary(e.call());
    case wire::Envelope::kCallReply:
      return callReplySummary(e.call_reply());
    case wire::Envelope::kCloseTab:  // the tab id says it all
    case wire::Envelope::BODY_NOT_SET:
      break;
  }
  return {};
}

}  // namespace

std::string oneLineText(const std::string& text, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes) + 3);
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (out.size() >= max_bytes && (byte & 0xC0) != 0x80) return out + "…";
    out += byte < 0x20 || byte == 0x7f ? ' ' : static_cast<char>(byte);
  }
  return out;
}

std::string bodySummary(const wire::Envelope& envelope) {
  if (envelope.body_case() == wire::Envelope::BODY_NOT_SET) {
    // A body the schema does not know survives parsing as an unknown field: name its number.
    const auto& unknown = envelope.GetReflection()->GetUnknownFields(envelope);
    if (unknown.empty()) return "(no body)";
    return "(unknown body: field " +
           std::to_string(unknown.field(unknown.field_count() - 1).number()) + ")";
  }
  const auto* field = wire::Envelope::descriptor()->FindFieldByNumber(envelope.body_case());
  const std::string text = details(envelope);
  return text.empty() ? field->name() : field->name() + " " + text;
}

std::string bodySummary(const IpcPayload& payload) {
  if (!payload) return "(body not kept)";
  DecodedEnvelope decoded = decodeEnvelope(payload);
  return decoded.envelope ? bodySummary(*decoded.envelope) : "(not an Envelope)";
}

}  // namespace sb::browser
