#pragma once

#include <cstddef>
#include <cstdint>

namespace sb::ipcbench {

// One 1280x800 RGBA frame: the size of a browser window's worth of pixels.
inline constexpr int kFrameWidth = 1280;
inline constexpr int kFrameHeight = 800;
inline constexpr int kFrameStride = kFrameWidth * 4;
inline constexpr size_t kFrameBytes = static_cast<size_t>(kFrameStride) * kFrameHeight;  // 4,096,000

// The producer's work, identical in both transports: writes every pixel, a pattern that changes
// with frame_number (so no frame is a copy of the previous one and a stale buffer is detectable).
void fillFrame(uint8_t* pixels, size_t bytes, uint64_t frame_number);

struct ConsumedFrame {
  uint64_t checksum = 0;
  bool is_frame = false;  // first and last pixel are frame_number's: not stale, not torn at the ends
};

// The consumer's work, identical in both transports: reads every byte (a checksum, about what a
// compositor's upload or blit costs in memory traffic) and checks the frame is the one announced.
ConsumedFrame consumeFrame(const uint8_t* pixels, size_t bytes, uint64_t frame_number);

}  // namespace sb::ipcbench
