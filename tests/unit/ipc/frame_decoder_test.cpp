#include "common/ipc/frame_decoder.h"

#include <gtest/gtest.h>

namespace sb::ipc {
namespace {

std::string frame(const std::string& payload) {
  char h[kFrameHeaderBytes];
  encodeFrameHeader(static_cast<uint32_t>(payload.size()), h);
  return std::string(h, kFrameHeaderBytes) + payload;
}

TEST(FrameDecoder, HeaderIsLittleEndian) {
  char h[kFrameHeaderBytes];
  encodeFrameHeader(0x01020304, h);
  EXPECT_EQ(h[0], 0x04);
  EXPECT_EQ(h[3], 0x01);
}

TEST(FrameDecoder, ReassemblesAFrameFedOneByteAtATime) {
  FrameDecoder decoder;
  const std::string bytes = frame("hello");
  for (size_t i = 0; i + 1 < bytes.size(); ++i) {
    ASSERT_FALSE(decoder.append({&bytes[i], 1}));
    EXPECT_FALSE(decoder.nextFrame());
  }
  ASSERT_FALSE(decoder.append({&bytes.back(), 1}));
  auto payload = decoder.nextFrame();
  ASSERT_TRUE(payload);
  EXPECT_EQ(*payload, "hello");
  EXPECT_EQ(decoder.pendingBytes(), 0u);
}

TEST(FrameDecoder, RejectsAnOversizeHeaderBeforeThePayloadArrives) {
  FrameDecoder decoder(100);
  const std::string h = frame(std::string(101, 'x')).substr(0, kFrameHeaderBytes);
  auto error = decoder.append(h);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, ErrorKind::kFrameTooLarge);
}

TEST(FrameDecoder, RejectsAnOversizeHeaderQueuedBehindAGoodFrame) {
  FrameDecoder decoder(100);
  auto error = decoder.append(frame("ok") + frame(std::string(101, 'x')).substr(0, 4));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, ErrorKind::kFrameTooLarge);
}

TEST(FrameDecoder, FramesBeforeABadHeaderAreStillDelivered) {
  FrameDecoder decoder;
  ASSERT_TRUE(decoder.append(frame("one") + frame("two") + std::string(4, '\0') + frame("after")));
  EXPECT_EQ(decoder.nextFrame(), "one");
  EXPECT_EQ(decoder.nextFrame(), "two");
  EXPECT_FALSE(decoder.nextFrame());
}

TEST(FrameDecoder, StaysFailedAfterAnError) {
  FrameDecoder decoder;
  ASSERT_TRUE(decoder.append(std::string(4, '\0')));
  EXPECT_TRUE(decoder.append(frame("late")));
  EXPECT_FALSE(decoder.nextFrame());
}

}  // namespace
}  // namespace sb::ipc
