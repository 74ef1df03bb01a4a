#pragma once

#include <cstdint>

#include "apps/renderer/layout/color.h"
#include "apps/renderer/layout/text_style.h"

namespace sb::renderer::theme {

// One calm palette for every built-in page: cool grey paper, white cards, an indigo accent.
inline constexpr uint32_t kPaper = argb(255, 0xF3, 0xF5, 0xFA);
inline constexpr uint32_t kCard = argb(255, 0xFF, 0xFF, 0xFF);
inline constexpr uint32_t kCardBorder = argb(255, 0xDC, 0xE1, 0xEC);
inline constexpr uint32_t kInk = argb(255, 0x1D, 0x24, 0x33);
inline constexpr uint32_t kMuted = argb(255, 0x5E, 0x68, 0x7E);
inline constexpr uint32_t kAccent = argb(255, 0x4C, 0x5F, 0xD5);
inline constexpr uint32_t kAccentSoft = argb(255, 0xE8, 0xEB, 0xFB);
inline constexpr uint32_t kLink = argb(255, 0x2F, 0x55, 0xC4);
inline constexpr uint32_t kDanger = argb(255, 0xC0, 0x39, 0x2B);
inline constexpr uint32_t kDangerSoft = argb(255, 0xFD, 0xEC, 0xEA);
inline constexpr uint32_t kWarning = argb(255, 0xB9, 0x6A, 0x00);
inline constexpr uint32_t kWarningSoft = argb(255, 0xFF, 0xF4, 0xDE);
inline constexpr uint32_t kTrack = argb(255, 0xE3, 0xE7, 0xF1);

inline constexpr int kRadius = 10;
inline constexpr int kPadding = 16;
inline constexpr int kGap = 12;

inline constexpr TextStyle kTitle{.pixel_size = 34, .argb = kInk, .bold = true};
inline constexpr TextStyle kHeading{.pixel_size = 22, .argb = kInk, .bold = true};
inline constexpr TextStyle kSubheading{.pixel_size = 18, .argb = kInk, .bold = true};
inline constexpr TextStyle kBody{.pixel_size = 16, .argb = kInk};
inline constexpr TextStyle kLead{.pixel_size = 18, .argb = kMuted};
inline constexpr TextStyle kSmall{.pixel_size = 13, .argb = kMuted};
inline constexpr TextStyle kCode{.pixel_size = 14, .argb = kMuted, .monospace = true};
inline constexpr TextStyle kLinkText{
    .pixel_size = 16, .argb = kLink, .bold = true, .underline = true};

}  // namespace sb::renderer::theme
