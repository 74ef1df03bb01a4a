#include "apps/plugin/plugin_core.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>
#include <utility>

#include "common/ipc/wire_limits.h"

namespace sb::plugin {
namespace {

bool sideInRange(int side) {
  return side >= PluginLimits::kMinSide && side <= PluginLimits::kMaxSide;
}

// Mixes the type into the id, so a ticker and a ball with the same instance id still differ.
uint64_t seedFor(PluginType type, uint32_t instance_id) {
  return (static_cast<uint64_t>(type) << 32) ^ instance_id ^ 0x5eed5eedULL;
}

}  // namespace

PluginCore::PluginCore(PluginType type, Send send) : type_(type), send_(std::move(send)) {}

PluginCore::~PluginCore() = default;

HandleResult PluginCore::handle(const wire::Envelope& envelope) {
  switch (envelope.body_case()) {
    case wire::Envelope::kPluginCreate:
      create(envelope.plugin_create());
      return HandleResult::kHandled;
    case wire::Envelope::kPluginDestroy:
      destroy(envelope.plugin_destroy());
      return HandleResult::kHandled;
    case wire::Envelope::kPluginInput:
      input(envelope.plugin_input());
      return HandleResult::kHandled;
    case wire::Envelope::kCall:
      answerCall(envelope.seq(), envelope.call());
      return HandleResult::kHandled;
    default:
      return HandleResult::kNotForPlugin;
  }
}

// A page asks an instance something (demo://deadlock). Like an NPAPI plugin scripting its page,
// the instance first asks the page something back, with a blocking call of its own, and answers
// with both. The caller always gets a reply: it may be blocked until it does.
void PluginCore::answerCall(uint64_t seq, const wire::Call& call) {
  wire::Envelope envelope;
  envelope.set_reply_to(seq);
  auto* reply = envelope.mutable_call_reply();
  auto it = instances_.find(call.instance_id());
  if (it == instances_.end()) {
    reply->set_error("this " + std::string(pluginTypeName(type_)) + " process has no instance " +
                     std::to_string(call.instance_id()));
    send_(envelope);
    return;
  }
  const uint64_t frames = it->second.frames_sent;
  const std::string page = askPage(call.instance_id());
  const std::string answer = std::to_string(frames) + (frames == 1 ? " frame" : " frames") +
                             " drawn; the page said: " + page;
  reply->set_answer(answer.substr(0, ipc::WireLimits::kMaxCallTextBytes));
  send_(envelope);
}

std::string PluginCore::askPage(uint32_t instance_id) {
  if (!call_and_wait_) return "(not asked)";
  wire::Envelope envelope;
  auto* call = envelope.mutable_call();
  call->set_instance_id(instance_id);
  call->set_question("Which page am I on?");
  call->set_blocking(true);
  const std::optional<wire::Envelope> reply = call_and_wait_(envelope);
  if (!reply || !reply->has_call_reply()) return "(no reply: the channel to the browser closed)";
  const wire::CallReply& answer = reply->call_reply();
  if (answer.deadlock()) return "(refused by the browser to break a deadlock)";
  if (!answer.error().empty()) return "(no answer: " + answer.error() + ")";
  return "\"" + answer.answer() + "\"";
}

void PluginCore::create(const wire::PluginCreate& create) {
  const uint32_t id = create.instance_id();
  if (id == 0) {
    spdlog::error("PluginCreate with instance id 0 refused: 0 means \"not set\"");
    return;
  }
  if (instances_.contains(id)) {
    // Keep the running instance: replacing it would silently reset what the person sees.
    spdlog::error("PluginCreate for instance {}, which already exists: refused", id);
    return;
  }
  if (!sideInRange(create.width()) || !sideInRange(create.height())) {
    spdlog::error("PluginCreate for instance {} refused: size {}x{} is outside {}..{} per side", id,
                  create.width(), create.height(), PluginLimits::kMinSide, PluginLimits::kMaxSide);
    return;
  }
  if (instances_.size() >= PluginLimits::kMaxInstances) {
    spdlog::error(
        "PluginCreate for instance {} refused: this {} process already hosts {} "
        "instances, the most it will",
        id, pluginTypeName(type_), PluginLimits::kMaxInstances);
    return;
  }
  auto [it, inserted] = instances_.emplace(
      id, Instance{create.width(), create.height(),
                   makePluginInstance(type_, create.width(), create.height(), seedFor(type_, id))});
  spdlog::debug("{} instance {} created at {}x{} ({} live)", pluginTypeName(type_), id,
                create.width(), create.height(), instances_.size());
  sendFrame(id, it->second);
}

void PluginCore::destroy(const wire::PluginDestroy& destroy) {
  // A destroy for an unknown id is harmless (for example one the create of was refused).
  if (instances_.erase(destroy.instance_id()) == 0) {
    spdlog::warn("PluginDestroy for unknown instance {} ignored", destroy.instance_id());
    return;
  }
  spdlog::debug("{} instance {} destroyed ({} live)", pluginTypeName(type_), destroy.instance_id(),
                instances_.size());
}

void PluginCore::input(const wire::PluginInput& input) {
  auto it = instances_.find(input.instance_id());
  if (it == instances_.end()) {
    spdlog::warn("PluginInput for unknown instance {} ignored", input.instance_id());
    return;
  }
  if (!input.has_click()) {
    spdlog::warn("PluginInput for instance {} without a click ignored", input.instance_id());
    return;
  }
  it->second.plugin->click(input.click().x(), input.click().y());
  sendFrame(it->first, it->second);
}

void PluginCore::tick(std::chrono::milliseconds now) {
  const std::chrono::milliseconds elapsed =
      last_tick_
          ? std::clamp(now - *last_tick_, std::chrono::milliseconds{0}, PluginLimits::kMaxStep)
          : std::chrono::milliseconds{0};
  last_tick_ = now;
  for (auto& [id, instance] : instances_) {
    instance.plugin->advance(elapsed);
    sendFrame(id, instance);
  }
}

void PluginCore::sendFrame(uint32_t instance_id, Instance& instance) {
  BoxCanvas canvas(instance.width, instance.height);
  const uint64_t frame_number = ++instance.frames_sent;
  instance.plugin->paint(canvas, frame_number);
  wire::Envelope envelope;
  auto* frame = envelope.mutable_plugin_frame();
  frame->set_instance_id(instance_id);
  *frame->mutable_content() = std::move(canvas).finish(frame_number);
  send_(envelope);
}

}  // namespace sb::plugin
