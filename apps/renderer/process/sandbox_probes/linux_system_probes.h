#pragma once

#include <span>

#include "apps/renderer/sandbox_probes/system_probes.h"
#include "sandbrowser.pb.h"

namespace sb::renderer {

// The real escape attempts, made with system calls from inside this renderer (or a child it
// forks, where a success would otherwise change the renderer itself).
class LinuxSystemProbes final : public SystemProbes {
 public:
  // Sandboxed unless the command line has --no-sandbox.
  explicit LinuxSystemProbes(std::span<char* const> args);

  bool sandboxed() const override { return sandboxed_; }
  std::vector<std::string> layersNotEngaged() const override { return not_engaged_; }
  // What engaging the sandbox reported, once it has run.
  void recordSandboxStatus(const wire::SandboxStatus& status);
  ProbeOutcome run(ProbeId probe) override;

 private:
  bool sandboxed_;
  std::vector<std::string> not_engaged_;
};

}  // namespace sb::renderer
