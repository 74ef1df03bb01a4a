#include "apps/renderer/bad_ipc/bad_ipc_kinds.h"

#include <array>

namespace sb::renderer {
namespace {

constexpr std::array kKinds = {
    BadIpcKindInfo{BadIpcKind::kWrongTab, "wrong-tab",
                   "a DisplayList for another tab (the one opened just before this), which "
                   "this renderer does not host",
                   "spoke for tab"},
    BadIpcKindInfo{BadIpcKind::kFutureNavigation, "future-navigation",
                   "a DisplayList for a navigation id the browser has not issued yet",
                   "display list for navigation"},
    BadIpcKindInfo{BadIpcKind::kHugeImage, "huge-image",
                   "an image that claims to be 4096 x 4096 pixels (the limit is 256 x 256)",
                   "image size 4096x4096 out of range"},
    BadIpcKindInfo{BadIpcKind::kBadImageData, "bad-image-data",
                   "a 16 x 16 image with 100 bytes of pixels instead of 1024",
                   "image pixel data does not match its size"},
    BadIpcKindInfo{BadIpcKind::kTooManyItems, "too-many-items",
                   "a DisplayList with 6000 items (the limit is 5000)", "6000 display items"},
    BadIpcKindInfo{BadIpcKind::kBadPixelSize, "bad-pixel-size",
                   "text with a pixel size of 0, which a font engine might divide by",
                   "text pixel size 0 out of range"},
    BadIpcKindInfo{BadIpcKind::kBrowserOnly, "browser-only",
                   "a Navigate, which only the browser sends", "a renderer may not send navigate"},
    BadIpcKindInfo{BadIpcKind::kSecondHello, "second-hello",
                   "a second Hello, long after the handshake", "second Hello"},
    BadIpcKindInfo{BadIpcKind::kUnknownKind, "unknown-kind",
                   "an Envelope with no body, only a field number the protocol does not have",
                   "unknown message kind"},
    BadIpcKindInfo{BadIpcKind::kOversizeFrame, "oversize-frame",
                   "a frame header announcing 32 MiB (the maximum is 16 MiB)", "frame too large"},
    BadIpcKindInfo{BadIpcKind::kGarbage, "garbage", "a frame of random bytes that is no Envelope",
                   "parse failure"},
    BadIpcKindInfo{BadIpcKind::kFlood, "flood",
                   "20000 log records in one burst, 40 times the sustained rate the browser allows",
                   "message flood"},
    BadIpcKindInfo{BadIpcKind::kIpcLabElsewhere, "ipc-lab-elsewhere",
                   "an IpcLabRequest (asking the browser to run its IPC benchmark) from this page, "
                   "which is not demo://ipc-lab",
                   "IpcLabRequest from a tab on demo://badipc"},
    BadIpcKindInfo{BadIpcKind::kCallElsewhere, "call-elsewhere",
                   "a blocking Call to a plugin box from this page, which is not demo://deadlock",
                   "Call from a tab on demo://badipc"},
    BadIpcKindInfo{BadIpcKind::kUnaskedCallReply, "unasked-call-reply",
                   "a CallReply to a call the browser never forwarded to this renderer",
                   "CallReply to message 424242, which is no call the browser forwarded to it"},
};

}  // namespace

std::span<const BadIpcKindInfo> badIpcKinds() { return kKinds; }

const BadIpcKindInfo* findBadIpcKind(std::string_view name) {
  for (const BadIpcKindInfo& info : kKinds) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

}  // namespace sb::renderer
