#pragma once

#include <cstddef>
#include <memory>

namespace sb::renderer {

// Memory a page holds on purpose (demo://leak); giving it back is destroying the object.
class HeldMemory {
 public:
  virtual ~HeldMemory() = default;
};

// The ways the renderer breaks on purpose so a person can watch the browser survive it. The
// process implements them for real (none of the first four returns); tests record the calls.
class FaultActions {
 public:
  virtual ~FaultActions() = default;
  virtual void segv() = 0;
  virtual void abort() = 0;
  virtual void hang() = 0;
  virtual void exit(int code) = 0;
  // Allocates `bytes` and touches every page of it so the resident size really grows; nullptr
  // when the allocation fails.
  virtual std::unique_ptr<HeldMemory> holdMemory(size_t bytes) = 0;
};

}  // namespace sb::renderer
