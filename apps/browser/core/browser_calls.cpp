// demo://deadlock: calls between a page and the plugin it embeds. The browser forwards each call
// and its reply, keeps an edge caller -> callee in its wait-for graph while a blocking call is
// out, and, once such a call has waited deadlock_check_after, looks for a cycle through it. It
// breaks a cycle by refusing the youngest call in it: that caller wakes with an error, answers
// what it was asked, and the waits unwind.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/demo_url.h"
#include "common/base/clock.h"

namespace sb::browser {
namespace {

// Non-blocking calls a process may have out at once. Each waits in the browser's table until the
// callee answers, so a caller flooding a stopped callee must not grow it without bound.
constexpr size_t kMaxCallsInFlight = 8;

wire::CallReply failedReply(std::string error) {
  wire::CallReply reply;
  reply.set_error(std::move(error));
  return reply;
}

// The Call the browser sends on to the callee: the caller's question and blocking, addressed by
// the browser (a box for a page, an instance for a plugin), with nothing else the caller set.
wire::Envelope forwardedCall(int tab_id, const wire::Call& call) {
  wire::Envelope forwarded;
  forwarded.set_tab_id(static_cast<uint32_t>(tab_id));
  auto* out = forwarded.mutable_call();
  out->set_question(call.question());
  out->set_blocking(call.blocking());
  return forwarded;
}

uint32_t millisecondsSince(uint64_t start_ns) {
  return static_cast<uint32_t>((monotonicNowNs() - start_ns) / 1'000'000);
}

}  // namespace

bool Browser::secondBlockingCall(ProcessHost& host, const wire::Call& call) {
  if (!call.blocking() || !wait_for_.waits(&host)) return false;
  host.reportBadMessage(
      "a second blocking Call while it still waits for one: a blocked thread sends nothing");
  return true;
}

void Browser::onPageCall(RendererProcess& process, Tab& tab, const wire::Envelope& envelope) {
  ProcessHost& host = *process.host;
  const wire::Call& call = envelope.call();
  if (call.navigation_id() > tab.navigation_id) {
    host.reportBadMessage("Call for navigation " + std::to_string(call.navigation_id()) +
                          ", which the browser never issued");
    return;
  }
  PendingCall pending{.caller = &host,
                      .caller_seq = envelope.seq(),
                      .caller_tab = static_cast<uint32_t>(tab.id),
                      .blocking = call.blocking(),
                      .started_ns = monotonicNowNs()};
  if (call.navigation_id() < tab.navigation_id) {
    // Sent before the page read its tab's Navigate: answered all the same, as it may be blocked.
    answerCaller(pending, failedReply("the tab has left the page that called"));
    return;
  }
  if (!isDemoPage(tab.url, QStringLiteral("deadlock"))) {
    host.reportBadMessage("Call from a tab on " + tab.url.toString().left(200).toStdString() +
                          ", not demo://deadlock");
    return;
  }
  if (call.instance_id() != 0) {
    host.reportBadMessage("Call naming plugin instance " + std::to_string(call.instance_id()) +
                          ": a page names the box in its own tab, never an instance");
    return;
  }
  if (secondBlockingCall(host, call)) return;
  const PluginHosts::CallTarget target = plugins_->callTarget(tab.id, call.box_id());
  if (!target.host) {
    answerCaller(pending, failedReply(target.error));
    return;
  }
  wire::Envelope forwarded = forwardedCall(tab.id, call);
  forwarded.mutable_call()->set_instance_id(target.instance_id);
  forwardCall(std::move(pending), *target.host, forwarded);
}

void Browser::onPluginCallMessage(ProcessHost& host, ipc::Message&& message) {
  if (message.envelope.has_call_reply()) {
    onCallReply(host, message.envelope);
  } else {
    onPluginCall(host, message.envelope);
  }
}

void Browser::onPluginCall(ProcessHost& host, const wire::Envelope& envelope) {
  const wire::Call& call = envelope.call();
  if (call.box_id() != 0) {
    host.reportBadMessage("Call naming box " + std::to_string(call.box_id()) +
                          ": a plugin names its own instance, never a box");
    return;
  }
  if (secondBlockingCall(host, call)) return;
  PendingCall pending{.caller = &host,
                      .caller_seq = envelope.seq(),
                      .blocking = call.blocking(),
                      .started_ns = monotonicNowNs()};
  const auto box = plugins_->boxOfInstance(host, call.instance_id());
  if (!box) {
    if (!plugins_->issuedInstance(call.instance_id())) {
      host.reportBadMessage("Call for plugin instance " + std::to_string(call.instance_id()) +
                            ", which the browser never created");
      return;
    }
    answerCaller(pending, failedReply("that plugin box is gone (its page closed or navigated)"));
    return;
  }
  pending.caller_tab = static_cast<uint32_t>(box->first);
  Tab* tab = mutableTab(box->first);
  if (!tab || !tab->renderer || tab->renderer->state() != ProcessHost::State::kRunning) {
    answerCaller(pending, failedReply("the page's renderer is not running"));
    return;
  }
  if (!isDemoPage(tab->url, QStringLiteral("deadlock"))) {
    answerCaller(pending, failedReply("only demo://deadlock answers its plugins' calls"));
    return;
  }
  wire::Envelope forwarded = forwardedCall(tab->id, call);
  forwarded.mutable_call()->set_box_id(box->second);
  forwardCall(std::move(pending), *tab->renderer, forwarded);
}

void Browser::forwardCall(PendingCall call, ProcessHost& callee, wire::Envelope& forwarded) {
  const auto in_flight =
      static_cast<size_t>(std::count_if(calls_.begin(), calls_.end(), [&](const auto& entry) {
        return entry.second.caller == call.caller;
      }));
  if (in_flight >= kMaxCallsInFlight) {
    answerCaller(call, failedReply("already " + std::to_string(in_flight) +
                                   " calls in flight: wait for an answer first"));
    return;
  }
  if (!callee.send(forwarded)) {
    answerCaller(call, failedReply("the browser could not reach the " +
                                   std::string(processKindName(callee.kind())) + " process"));
    return;
  }
  call.callee = &callee;
  call.forwarded_seq = forwarded.seq();
  const uint64_t id = next_call_id_++;
  const bool blocking = call.blocking;
  ProcessHost* caller = call.caller;
  calls_.emplace(id, std::move(call));
  if (!blocking) return;
  wait_for_.addWait(caller, &callee, id);
  QTimer::singleShot(options_.deadlock_check_after, this, [this, id] { checkForDeadlock(id); });
}

void Browser::onCallReply(ProcessHost& callee, const wire::Envelope& envelope) {
  const uint64_t reply_to = envelope.reply_to();
  const auto it = std::find_if(calls_.begin(), calls_.end(), [&](const auto& entry) {
    return entry.second.callee == &callee && entry.second.forwarded_seq == reply_to;
  });
  if (it == calls_.end()) {
    if (late_replies_[&callee].erase(reply_to) > 0) {
      spdlog::debug("{}: late reply to a call the browser already answered: dropped",
                    nameInCycle(&callee));
      return;
    }
    callee.reportBadMessage("CallReply to message " + std::to_string(reply_to) +
                            ", which is no call the browser forwarded to it");
    return;
  }
  answerCaller(it->second, envelope.call_reply());
  wait_for_.removeWait(it->first);
  calls_.erase(it);
}

void Browser::answerCaller(const PendingCall& call, wire::CallReply reply) {
  reply.set_waited_ms(millisecondsSince(call.started_ns));
  if (reply.cycle().empty()) reply.set_cycle(call.cycle);
  wire::Envelope envelope;
  envelope.set_tab_id(call.caller_tab);
  envelope.set_reply_to(call.caller_seq);
  *envelope.mutable_call_reply() = std::move(reply);
  call.caller->send(envelope);
}

void Browser::checkForDeadlock(uint64_t call_id) {
  const auto it = calls_.find(call_id);
  if (it == calls_.end()) return;  // answered in time
  const std::vector<uint64_t> cycle = wait_for_.cycleThrough(it->second.caller);
  if (cycle.empty()) return;  // a long wait, not a deadlock: the hang monitor's business
  std::string text;
  for (uint64_t id : cycle) text += nameInCycle(calls_.at(id).caller) + " -> ";
  text += nameInCycle(it->second.caller);
  // The youngest call closed the cycle, so refusing it undoes the least work, as a database
  // aborts the youngest transaction of a deadlock.
  const uint64_t victim = *std::max_element(
      cycle.begin(), cycle.end(),
      [this](uint64_t a, uint64_t b) { return calls_.at(a).started_ns < calls_.at(b).started_ns; });
  uint64_t oldest_ns = it->second.started_ns;
  for (uint64_t id : cycle) {
    calls_.at(id).cycle = text;
    oldest_ns = std::min(oldest_ns, calls_.at(id).started_ns);
  }
  const PendingCall refused = calls_.at(victim);
  wire::CallReply reply;
  reply.set_deadlock(true);
  reply.set_error("refused by the browser to break a deadlock");
  answerCaller(refused, reply);
  late_replies_[refused.callee].insert(refused.forwarded_seq);
  wait_for_.removeWait(victim);
  calls_.erase(victim);
  deadlocks_.push_back(
      DeadlockReport{text, nameInCycle(refused.caller), millisecondsSince(oldest_ns)});
  spdlog::warn("deadlock: {}; refused the call of {} to break it", text, deadlocks_.back().refused);
  emit deadlockBroken(QString::fromStdString(text));
}

void Browser::dropCallsOf(const ProcessHost* host) {
  for (auto it = calls_.begin(); it != calls_.end();) {
    const PendingCall& call = it->second;
    if (call.callee == host) {
      answerCaller(call, failedReply("the " + std::string(processKindName(host->kind())) +
                                     " process ended before it answered"));
    } else if (call.caller == host) {
      late_replies_[call.callee].insert(call.forwarded_seq);
    } else {
      ++it;
      continue;
    }
    it = calls_.erase(it);
  }
  wait_for_.removeNode(host);
  late_replies_.erase(host);
}

uint64_t Browser::oldestPendingCallNs() const {
  uint64_t oldest = 0;
  for (const auto& [id, call] : calls_) {
    if (oldest == 0 || call.started_ns < oldest) oldest = call.started_ns;
  }
  return oldest;
}

std::string Browser::nameInCycle(const ProcessHost* host) const {
  if (host->inProcess()) return "renderer thread";
  std::string name = processKindName(host->kind());
  if (host->kind() == wire::PROCESS_KIND_PLUGIN) {
    if (auto type = plugins_->typeOfPid(host->pid())) name += " " + *type;
  }
  return name + " pid " + std::to_string(host->pid());
}

}  // namespace sb::browser
