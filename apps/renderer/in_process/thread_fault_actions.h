#pragma once

#include <string>

#include "apps/renderer/in_process/renderer_thread.h"
#include "apps/renderer/process/process_fault_actions.h"

namespace sb::renderer {

// The real faults, on a renderer thread. They are the process's faults unchanged, because that is
// the lesson: a null-pointer write or an abort() in any thread ends the whole process, browser and
// every tab. The browser gets to say so first (BeforeProcessFault). A hang spins this thread only.
class ThreadFaultActions final : public FaultActions {
 public:
  ThreadFaultActions(ipc::Channel& channel, BeforeProcessFault before_fault)
      : real_(channel), before_fault_(std::move(before_fault)) {}

  void segv() override {
    if (goAhead("a null-pointer write (SIGSEGV)")) real_.segv();
  }
  void abort() override {
    if (goAhead("abort() (SIGABRT)")) real_.abort();
  }
  void hang() override { real_.hang(); }
  void exit(int code) override {
    if (goAhead("exit(" + std::to_string(code) + ")")) real_.exit(code);
  }
  std::unique_ptr<HeldMemory> holdMemory(size_t bytes) override { return real_.holdMemory(bytes); }

 private:
  bool goAhead(const std::string& what) { return !before_fault_ || before_fault_(what); }

  ProcessFaultActions real_;
  BeforeProcessFault before_fault_;
};

}  // namespace sb::renderer
