#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

#include "apps/browser/headless/chaos_browser_view.h"

namespace sb {
class SeededRandom;
}

namespace sb::browser {

// A control-socket request the soak sends through ControlCommands, in process, as a local client
// would over the socket.
struct ChaosControlRequest {
  QByteArray line;
  // Signalling the browser itself or a process that is not its child: carrying it out is a fault.
  bool must_refuse = false;
  // A "kill" of one of the browser's children: counted with the other signals.
  std::optional<ChaosChild> target;
  int signal = 0;
};

// One request at random: the everyday ones (list, kill a child, crash a tab, navigate, reload,
// open or close a tab, read the IPC log, wait) and bad ones (not JSON, an unknown command, a
// signal for the browser or a stranger, a bad signal name, a tab that does not exist). Never
// "quit". `tabs` and `children` may be empty.
ChaosControlRequest pickControlRequest(SeededRandom& random, const std::vector<int>& tabs,
                                       const std::vector<ChaosChild>& children, uint64_t ipc_last_index);

}  // namespace sb::browser
