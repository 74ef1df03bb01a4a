#pragma once

#include "apps/renderer/fault_actions.h"
#include "common/ipc/channel.h"

namespace sb::renderer {

// The real faults. Each first pushes out what is queued on the channel (the page that says what
// is about to happen, and the log records) so the browser has it before the process goes.
class ProcessFaultActions final : public FaultActions {
 public:
  explicit ProcessFaultActions(ipc::Channel& channel) : channel_(channel) {}

  void segv() override;
  void abort() override;
  void hang() override;
  void exit(int code) override;
  std::unique_ptr<HeldMemory> holdMemory(size_t bytes) override;

 private:
  void flushBeforeFault();

  ipc::Channel& channel_;
};

}  // namespace sb::renderer
