#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "apps/tools/ipcbench/endpoint.h"

namespace sb::ipcbench {

// One IPC mechanism the benchmark compares. open() is called once per kind, before the peer
// starts; every size then runs over the same pair.
struct Kind {
  const char* name;   // for --kinds and the JSON
  const char* label;  // for the table
  EndpointPair (*open)();
};

// In the order the table lists them.
const std::vector<Kind>& allKinds();

// "all" or a comma-separated list of names; nullopt with `error` naming the bad entry.
std::optional<std::vector<Kind>> parseKinds(const std::string& list, std::string& error);

// One open function per file (kind_*.cpp).
EndpointPair openPipe();
EndpointPair openFifo();
EndpointPair openUnixStream();
EndpointPair openUnixSeqpacket();
EndpointPair openMessageQueue();
EndpointPair openTcpLoopback();
EndpointPair openSharedMemoryRing();
EndpointPair openThreadQueue();
EndpointPair openChannel();

}  // namespace sb::ipcbench
