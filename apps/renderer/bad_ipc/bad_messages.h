#pragma once

#include <cstddef>
#include <cstdint>

#include "apps/renderer/bad_ipc/bad_ipc_kinds.h"
#include "apps/renderer/bad_ipc/bad_ipc_sender.h"

namespace sb::renderer {

// The tab and navigation the bad message is about (or lies about).
struct BadIpcTarget {
  uint32_t tab_id = 0;
  uint64_t navigation_id = 0;
};

// Sizes of the bad messages, for the page and the tests.
struct BadIpcSizes {
  static constexpr int kHugeImageSide = 4096;
  static constexpr int kBadImageSide = 16;
  static constexpr size_t kBadImageBytes = 100;
  static constexpr int kTooManyItems = 6000;
  static constexpr uint32_t kOversizeAnnouncedBytes = 32u << 20;
  static constexpr size_t kGarbagePayloadBytes = 64;
  static constexpr int kFloodMessages = 20000;
  static constexpr uint64_t kFutureNavigationAhead = 1000;
};

// Sends one bad message of `kind` through `sender` (a flood is one burst of many).
void sendBadMessage(BadIpcKind kind, const BadIpcTarget& target, BadIpcSender& sender);

}  // namespace sb::renderer
