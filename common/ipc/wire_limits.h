#pragma once

#include <cstddef>
#include <cstdint>

namespace sb::ipc {

// Bounds on what an untrusted process may put in a message. The browser enforces them (a
// violation is a bad message); well-behaved children stay inside them.
struct WireLimits {
  static constexpr size_t kMaxDisplayItems = 5000;
  static constexpr size_t kMaxTextBytes = 16 * 1024;
  static constexpr size_t kMaxTitleBytes = 1024;
  static constexpr size_t kMaxUrlBytes = 8 * 1024;
  // A Call's question and a CallReply's answer and error (demo://deadlock): one line each.
  static constexpr size_t kMaxCallTextBytes = 256;
  static constexpr int kMaxImageSide = 256;
  static constexpr int kMaxCoordinate = 1'000'000;  // |x|, |y|, width, height
  static constexpr int kMaxContentHeight = 1'000'000;
  static constexpr int kMinPixelSize = 4;
  static constexpr int kMaxPixelSize = 200;
  static constexpr int kMaxViewportSide = 16384;
  // One buffer of a GPU surface (a 4K viewport is 33 MB); a bigger viewport is painted in software.
  static constexpr size_t kMaxSurfaceBufferBytes = size_t{64} << 20;
  static constexpr int kMaxPluginBoxes = 8;        // per display list
  static constexpr int kMaxPluginBoxSide = 2048;
};

}  // namespace sb::ipc
