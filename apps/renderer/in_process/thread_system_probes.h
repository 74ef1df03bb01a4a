#pragma once

#include "apps/renderer/sandbox_probes/system_probes.h"
#include "common/process/spawn_protocol.h"

namespace sb::renderer {

// demo://sandbox on a renderer thread: nothing is attempted. The "renderer" is the browser
// process, so every attempt would succeed with the browser's own rights, and some (ptrace,
// signalling "the browser", which getppid() would name as the browser's own parent) would hit
// the wrong process.
class ThreadSystemProbes final : public SystemProbes {
 public:
  bool sandboxed() const override { return false; }
  std::vector<std::string> layersNotEngaged() const override {
    return {process::kChildSandboxLayers.begin(), process::kChildSandboxLayers.end()};
  }
  ProbeOutcome run(ProbeId) override {
    return ProbeOutcome::notTried(
        "single-process model: this renderer is a thread of the browser and has all its rights");
  }
};

}  // namespace sb::renderer
