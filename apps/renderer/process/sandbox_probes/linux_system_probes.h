#pragma once

#include <span>

#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// The real escape attempts, made with system calls from inside this renderer (or a child it
// forks, where a success would otherwise change the renderer itself).
class LinuxSystemProbes final : public SystemProbes {
 public:
  // Sandboxed unless the command line has --no-sandbox.
  explicit LinuxSystemProbes(std::span<char* const> args);

  bool sandboxed() const override { return sandboxed_; }
  ProbeOutcome run(ProbeId probe) override;

 private:
  bool sandboxed_;
};

}  // namespace sb::renderer
