#include "apps/renderer/process/sandbox_probes/linux_system_probes.h"

#include <string_view>

#include "apps/renderer/process/sandbox_probes/probe_functions.h"

namespace sb::renderer {

LinuxSystemProbes::LinuxSystemProbes(std::span<char* const> args) : sandboxed_(true) {
  for (const char* arg : args) {
    if (arg && std::string_view(arg) == "--no-sandbox") sandboxed_ = false;
  }
}

void LinuxSystemProbes::recordSandboxStatus(const wire::SandboxStatus& status) {
  not_engaged_.clear();
  for (const auto& layer : status.layers()) {
    if (!layer.engaged()) not_engaged_.push_back(layer.name());
  }
}

ProbeOutcome LinuxSystemProbes::run(ProbeId probe) {
  switch (probe) {
    case ProbeId::kReadPasswd:
      return probes::readPasswd();
    case ProbeId::kWriteTmp:
      return probes::writeTmpFile();
    case ProbeId::kListRoot:
      return probes::listRoot();
    case ProbeId::kConnectInet:
      return probes::connectInet();
    case ProbeId::kConnectControlSocket:
      return probes::connectControlSocket();
    case ProbeId::kExec:
      return probes::execTrue();
    case ProbeId::kFork:
      return probes::forkChild();
    case ProbeId::kSignalBrowser:
      return probes::signalBrowser();
    case ProbeId::kPtraceBrowser:
      return probes::ptraceBrowser();
    case ProbeId::kReadBrowserMemory:
      return probes::readBrowserMemory();
    case ProbeId::kSetuidRoot:
      return probes::setuidRoot();
    case ProbeId::kMapBeyondCap:
      return probes::mapBeyondCap();
    case ProbeId::kMount:
      return probes::mountSomething();
    case ProbeId::kNewUserNamespace:
      return probes::newUserNamespace();
  }
  return ProbeOutcome::notTried("unknown probe");
}

}  // namespace sb::renderer
