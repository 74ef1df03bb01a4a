#include "apps/renderer/renderer_core.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "apps/renderer/tab.h"

namespace sb::renderer {

RendererCore::RendererCore(Send send, Scheduler& scheduler, FaultActions& faults,
                           const WallClock& clock, int pid, SystemProbes& probes,
                           BadIpcSender& bad_ipc)
    : environment_{std::move(send), scheduler, faults, clock, pid, probes, bad_ipc} {}

RendererCore::~RendererCore() = default;

HandleResult RendererCore::handle(const wire::Envelope& envelope) {
  const uint32_t tab_id = envelope.tab_id();
  switch (envelope.body_case()) {
    case wire::Envelope::kNavigate: {
      auto& tab = tabs_[tab_id];
      if (!tab) tab = std::make_unique<Tab>(tab_id, environment_);
      tab->navigate(envelope.navigate());
      return HandleResult::kHandled;
    }
    case wire::Envelope::kResize:
      if (Tab* tab = existingTab(tab_id, "Resize")) {
        tab->resize(envelope.resize().width(), envelope.resize().height());
      }
      return HandleResult::kHandled;
    case wire::Envelope::kInput:
      if (Tab* tab = existingTab(tab_id, "InputEvent")) tab->input(envelope.input());
      return HandleResult::kHandled;
    case wire::Envelope::kIpcLabReport:
      if (Tab* tab = existingTab(tab_id, "IpcLabReport")) tab->ipcLabReport(envelope.ipc_lab_report());
      return HandleResult::kHandled;
    case wire::Envelope::kCall:
      answerCall(tab_id, envelope.seq(), envelope.call());
      return HandleResult::kHandled;
    case wire::Envelope::kCallReply:
      if (Tab* tab = existingTab(tab_id, "CallReply")) tab->callReply(envelope.call_reply());
      return HandleResult::kHandled;
    case wire::Envelope::kDebugFault:
      debugFault(tab_id, envelope.debug_fault());
      return HandleResult::kHandled;
    case wire::Envelope::kCloseTab:
      // The page goes with its Tab, and its timers with the page (ScopedTimer).
      if (tabs_.erase(tab_id) == 0) spdlog::warn("CloseTab for tab {}, which this renderer does not host: ignored", tab_id);
      return HandleResult::kHandled;
    default:
      return HandleResult::kNotForRenderer;
  }
}

void RendererCore::answerCall(uint32_t tab_id, uint64_t seq, const wire::Call& call) {
  if (Tab* tab = existingTab(tab_id, "Call")) {
    tab->answerCall(seq, call);
    return;
  }
  // Answered all the same: the caller is blocked until someone does.
  wire::Envelope reply;
  reply.set_tab_id(tab_id);
  reply.set_reply_to(seq);
  reply.mutable_call_reply()->set_error("this renderer hosts no tab " + std::to_string(tab_id));
  environment_.send(reply);
}

Tab* RendererCore::existingTab(uint32_t tab_id, const char* message_name) {
  const auto it = tabs_.find(tab_id);
  if (it != tabs_.end()) return it->second.get();
  spdlog::warn("{} for tab {}, which this renderer does not host: ignored", message_name, tab_id);
  return nullptr;
}

void RendererCore::debugFault(uint32_t tab_id, const wire::DebugFault& fault) {
  // The fault takes down the whole process, whichever tab asked for it.
  spdlog::warn("tab {} asked for debug fault {}", tab_id,
               wire::DebugFault::Kind_Name(fault.kind()));
  FaultActions& faults = environment_.faults;
  switch (fault.kind()) {
    case wire::DebugFault::KIND_SEGV:
      faults.segv();
      return;
    case wire::DebugFault::KIND_ABORT:
      faults.abort();
      return;
    case wire::DebugFault::KIND_HANG:
      faults.hang();
      return;
    case wire::DebugFault::KIND_EXIT:
      faults.exit(std::clamp(fault.exit_code(), 0, 255));
      return;
    default:
      break;
  }
  spdlog::warn("debug fault of unknown kind {} ignored", static_cast<int>(fault.kind()));
}

}  // namespace sb::renderer
