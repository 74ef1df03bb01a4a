#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace sb::ipcbench {

// How a frame's pixels get from the producer process to the consumer.
enum class FrameTransport {
  // Two buffers in one sealed memfd, sent once with SCM_RIGHTS (SurfaceCreated); per frame only a
  // FrameReady goes one way and a ReleaseBuffer comes back. The GPU process design.
  kSharedMemory,
  // Every frame's pixels inside the message itself (a DisplayList with one Image), answered by
  // the same ReleaseBuffer.
  kInline,
};

struct FrameResult {
  std::string transport;
  size_t frames = 0;              // measured frames (after the warm-up)
  double seconds = 0;             // wall time of the measured frames
  double fps = 0;
  double producer_cpu_us = 0;     // per frame, user + system
  double consumer_cpu_us = 0;     // per frame, user + system
  double socket_bytes = 0;        // per frame, both directions, frame headers included
  bool ok = false;
  std::string error;              // why !ok

  double totalCpuUs() const { return producer_cpu_us + consumer_cpu_us; }
};

// Streams `warmup + frames` 1280x800 RGBA frames from a forked producer process to this process
// and measures the last `frames` of them.
FrameResult measureFrames(FrameTransport transport, size_t frames, size_t warmup);

const char* transportName(FrameTransport transport);

}  // namespace sb::ipcbench
