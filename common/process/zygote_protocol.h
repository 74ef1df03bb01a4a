#pragma once

#include <cstdint>
#include <string_view>

// What the browser and its zygote (a pre-initialised renderer that forks new renderers, see
// docs/sandbox.md) say on the zygote's channel. Not protobuf: the channel carries only these two
// fixed-size records, and the descriptors travel beside them with SCM_RIGHTS.
namespace sb::process {

// `sandbrowser-renderer --zygote`: serve fork requests instead of being a renderer.
inline constexpr std::string_view kZygoteFlag = "--zygote";

struct ZygoteRecord {
  // Zygote -> browser, once: start-up is over, requests are welcome.
  static constexpr uint32_t kReady = 0x53425a52;  // "SBZR"
  // Browser -> zygote: fork a renderer. Carries three descriptors, in this order: the renderer's
  // end of its channel, the write end of its crash pipe, and its report socket (it sends
  // InitReport::kProgramStarted there; the zygote later sends kProgramEnded when it reaps it).
  static constexpr uint32_t kFork = 0x53425a46;  // "SBZF"
  static constexpr int kForkFds = 3;
  uint32_t magic = 0;
  uint32_t reserved = 0;
};

}  // namespace sb::process
