#include "apps/tools/ipcbench/kinds.h"

#include <sstream>

namespace sb::ipcbench {

const std::vector<Kind>& allKinds() {
  static const std::vector<Kind> kinds = {
      {"pipe", "anonymous pipe", openPipe},
      {"fifo", "FIFO (named pipe)", openFifo},
      {"unix-stream", "Unix stream socket", openUnixStream},
      {"unix-seqpacket", "Unix seqpacket socket", openUnixSeqpacket},
      {"mqueue", "POSIX message queue", openMessageQueue},
      {"tcp", "TCP loopback", openTcpLoopback},
      {"shm", "shared memory ring + futex", openSharedMemoryRing},
      {"threads", "threads, mutex/condvar queue", openThreadQueue},
      {"channel", "Channel (Protobuf envelopes)", openChannel},
  };
  return kinds;
}

std::optional<std::vector<Kind>> parseKinds(const std::string& list, std::string& error) {
  if (list == "all") return allKinds();
  std::vector<Kind> chosen;
  std::stringstream items(list);
  std::string name;
  while (std::getline(items, name, ',')) {
    const Kind* found = nullptr;
    for (const Kind& kind : allKinds()) {
      if (name == kind.name) found = &kind;
    }
    if (!found) {
      std::string names;
      for (const Kind& kind : allKinds()) names += std::string(names.empty() ? "" : ", ") + kind.name;
      error = "no kind \"" + name + "\"; the kinds are all, " + names;
      return std::nullopt;
    }
    chosen.push_back(*found);
  }
  if (chosen.empty()) {
    error = "--kinds needs \"all\" or a comma-separated list of kinds";
    return std::nullopt;
  }
  return chosen;
}

}  // namespace sb::ipcbench
