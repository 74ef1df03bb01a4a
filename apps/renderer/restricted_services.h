#pragma once

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/bad_ipc/bad_messages.h"
#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// What only demo://sandbox (live escape attempts) and demo://badipc (a way to break the
// protocol) get. Kept out of PageServices, which every page receives, so the page factory shows
// that no other page can reach either.
struct RestrictedServices {
  SystemProbes& probes;
  BadIpcSender& bad_ipc;
  BadIpcTarget target;  // this tab and navigation
};

}  // namespace sb::renderer
