#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/bad_ipc/bad_messages.h"
#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// demo://deadlock's call to its plugin box (see RestrictedServices::call_plugin).
using CallPlugin = std::function<std::optional<wire::CallReply>(
    uint32_t box_id, const std::string& question, bool blocking)>;

// What only demo://sandbox (live escape attempts), demo://badipc (a way to break the protocol)
// demo://ipc-lab (asking the browser to run a benchmark) and demo://deadlock (calling its plugin)
// get. Kept out of PageServices, which every page receives, so the page factory shows
// that no other page can reach either.
struct RestrictedServices {
  SystemProbes& probes;
  BadIpcSender& bad_ipc;
  BadIpcTarget target;  // this tab and navigation
  // Sends an IpcLabRequest for this tab and navigation: start a run, or only the latest report.
  std::function<void(bool start)> ask_ipc_lab;
  // demo://deadlock: calls the plugin in this tab's box `box_id`. Blocking: this renderer's thread
  // waits for the reply, which is returned (an error reply when the browser went away).
  // Non-blocking: returns nullopt at once; the reply comes later through Page::callReply.
  CallPlugin call_plugin;
};

}  // namespace sb::renderer
