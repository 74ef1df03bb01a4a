#pragma once

#include "apps/renderer/fault_actions.h"
#include "common/ipc/channel.h"

namespace sb::renderer {

// The real faults (common/child/deliberate_faults.h), and real memory for demo://leak.
class ProcessFaultActions final : public FaultActions {
 public:
  explicit ProcessFaultActions(ipc::Channel& channel) : channel_(channel) {}

  void segv() override;
  void abort() override;
  void hang() override;
  void exit(int code) override;
  std::unique_ptr<HeldMemory> holdMemory(size_t bytes) override;

 private:
  ipc::Channel& channel_;
};

}  // namespace sb::renderer
