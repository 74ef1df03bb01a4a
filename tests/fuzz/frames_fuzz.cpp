// The wire as a renderer controls it: any byte stream, cut into reads of any size, through the
// frame decoder, and every complete frame through the Envelope parser. Nothing may crash, hang or
// buffer past the frame limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>

#include "common/ipc/frame_decoder.h"
#include "sandbrowser.pb.h"
#include "tests/fuzz/quiet_protobuf.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return silenceProtobufLogs(); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the read size, so one input covers many ways of splitting the stream.
  const size_t chunk = 1 + data[0] % 64;
  const auto* bytes = reinterpret_cast<const char*>(data + 1);
  const size_t length = size - 1;
  sb::ipc::FrameDecoder decoder(64 * 1024);  // small, so oversize frames are reachable
  for (size_t offset = 0; offset < length; offset += chunk) {
    const size_t take = offset + chunk <= length ? chunk : length - offset;
    const bool failed = decoder.append(std::span<const char>(bytes + offset, take)).has_value();
    while (auto frame = decoder.nextFrame()) {
      sb::wire::Envelope envelope;
      if (envelope.ParseFromArray(frame->data(), static_cast<int>(frame->size()))) {
        envelope.ByteSizeLong();
      }
    }
    if (failed) break;  // the channel closes here; the decoder stays failed
    if (decoder.pendingBytes() > decoder.maxFrameBytes() + sb::ipc::kFrameHeaderBytes) std::abort();
  }
  return 0;
}
