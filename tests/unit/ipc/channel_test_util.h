#pragma once

#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include <gtest/gtest.h>

#include "common/ipc/channel.h"
#include "tests/support/proc_inspect.h"

namespace sb::ipc::testing {

// A channel on one end of an in-process socketpair and the raw other end, so a test can write any
// bytes at the channel. Fails the test if the case leaked a descriptor.
class ChannelTest : public ::testing::Test {
 protected:
  void SetUp() override { fds_before_ = sb::testing::countOpenFds(); }
  void TearDown() override {
    channel_.reset();
    if (raw_ >= 0) ::close(raw_);
    EXPECT_EQ(sb::testing::countOpenFds(), fds_before_) << "descriptor leak";
  }

  Channel& open(ChannelLimits limits = {}) {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds), 0);
    channel_ = std::make_unique<Channel>(UniqueFd(fds[0]), limits);
    raw_ = fds[1];
    return *channel_;
  }

  void writeRaw(const std::string& bytes) {
    ASSERT_EQ(::write(raw_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void closeRaw() {
    ::close(raw_);
    raw_ = -1;
  }

  static std::string header(uint32_t length) {
    char h[kFrameHeaderBytes];
    encodeFrameHeader(length, h);
    return std::string(h, kFrameHeaderBytes);
  }
  static std::string frameOf(const wire::Envelope& envelope) {
    std::string payload = envelope.SerializeAsString();
    return header(static_cast<uint32_t>(payload.size())) + payload;
  }
  static wire::Envelope ping(const std::string& payload, uint64_t seq = 1) {
    wire::Envelope envelope;
    envelope.set_seq(seq);
    envelope.mutable_ping()->set_payload(payload);
    return envelope;
  }

  std::unique_ptr<Channel> channel_;
  int raw_ = -1;
  int fds_before_ = 0;
};

}  // namespace sb::ipc::testing
