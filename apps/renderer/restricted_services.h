#pragma once

#include <functional>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/bad_ipc/bad_messages.h"
#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// What only demo://sandbox (live escape attempts), demo://badipc (a way to break the protocol)
// and demo://ipc-lab (asking the browser to run a benchmark) get. Kept out of PageServices, which every page receives, so the page factory shows
// that no other page can reach either.
struct RestrictedServices {
  SystemProbes& probes;
  BadIpcSender& bad_ipc;
  BadIpcTarget target;  // this tab and navigation
  // Sends an IpcLabRequest for this tab and navigation: start a run, or only the latest report.
  std::function<void(bool start)> ask_ipc_lab;
};

}  // namespace sb::renderer
