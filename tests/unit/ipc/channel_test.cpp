#include "common/ipc/channel.h"

#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <random>

#include "tests/unit/ipc/channel_test_util.h"

namespace sb::ipc::testing {
namespace {

using ::sb::testing::countOpenFds;

TEST_F(ChannelTest, OneFrameSplitIntoOneByteWrites) {
  Channel& channel = open();
  const std::string bytes = frameOf(ping("split"));
  size_t got = 0;
  for (char c : bytes) {
    writeRaw(std::string(1, c));
    auto result = channel.readAvailable();
    ASSERT_FALSE(result.error) << result.error->describe();
    got += result.messages.size();
    if (!result.messages.empty()) {
      EXPECT_EQ(result.messages[0].envelope.ping().payload(), "split");
    }
  }
  EXPECT_EQ(got, 1u);
}

TEST_F(ChannelTest, ManyFramesInOneRead) {
  Channel& channel = open();
  std::string bytes;
  for (int i = 1; i <= 100; ++i) bytes += frameOf(ping("m" + std::to_string(i), i));
  writeRaw(bytes);
  auto result = channel.readAvailable();
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(result.messages[i].envelope.seq(), static_cast<uint64_t>(i + 1));
}

wire::Envelope envelopeOfSize(size_t size) {
  wire::Envelope envelope;
  std::string payload(size, 'p');
  envelope.mutable_ping()->set_payload(payload);
  while (envelope.ByteSizeLong() > size) {
    payload.pop_back();
    envelope.mutable_ping()->set_payload(payload);
  }
  EXPECT_EQ(envelope.ByteSizeLong(), size);
  return envelope;
}

TEST_F(ChannelTest, FrameOfExactlyTheMaximumIsAccepted) {
  Channel& channel = open({.max_frame_bytes = 4096});
  writeRaw(frameOf(envelopeOfSize(4096)));
  auto result = channel.readAvailable();
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.messages.size(), 1u);
}

TEST_F(ChannelTest, FrameOneByteOverTheMaximumIsRejected) {
  Channel& channel = open({.max_frame_bytes = 4096});
  writeRaw(frameOf(envelopeOfSize(4097)));
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kFrameTooLarge);
  EXPECT_TRUE(result.messages.empty());
  EXPECT_FALSE(channel.isOpen());
}

TEST_F(ChannelTest, DefaultMaximumIsSixteenMiB) {
  Channel& channel = open();
  writeRaw(header((16u << 20) + 1));
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kFrameTooLarge);
}

TEST_F(ChannelTest, SendingAMessageOverTheMaximumIsRefusedButKeepsTheChannel) {
  Channel& channel = open({.max_frame_bytes = 1024});
  wire::Envelope big = envelopeOfSize(2000);
  auto error = channel.send(big);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, ErrorKind::kFrameTooLarge);
  EXPECT_TRUE(channel.isOpen());
  wire::Envelope small = ping("fine");
  EXPECT_FALSE(channel.send(small));
}

TEST_F(ChannelTest, ZeroLengthFrameIsAParseFailure) {
  Channel& channel = open();
  writeRaw(header(0));
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kParseFailure);
  EXPECT_TRUE(result.error->isBadInput());
}

TEST_F(ChannelTest, TruncatedHeaderThenEofIsPeerClosedMidFrame) {
  Channel& channel = open();
  writeRaw(header(10).substr(0, 2));
  closeRaw();
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kPeerClosed);
  EXPECT_NE(result.error->detail.find("mid-frame"), std::string::npos);
}

TEST_F(ChannelTest, PeerClosesMidFrameAfterAGoodOne) {
  Channel& channel = open();
  const std::string second = frameOf(ping("second", 2));
  writeRaw(frameOf(ping("first")) + second.substr(0, second.size() / 2));
  closeRaw();
  auto result = channel.readAvailable();
  ASSERT_EQ(result.messages.size(), 1u) << "the complete frame before the cut is not lost";
  EXPECT_EQ(result.messages[0].envelope.ping().payload(), "first");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kPeerClosed);
  EXPECT_NE(result.error->detail.find("announcing"), std::string::npos);
}

TEST_F(ChannelTest, CleanEofIsPeerClosed) {
  Channel& channel = open();
  closeRaw();
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kPeerClosed);
  EXPECT_EQ(result.error->detail, "end of stream");
}

TEST_F(ChannelTest, RandomGarbageEndsInATypedErrorNeverACrash) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 200; ++round) {
    Channel& channel = open({.max_frame_bytes = 1 << 16});
    std::string garbage(1 + rng() % 512, '\0');
    for (char& c : garbage) c = static_cast<char>(rng());
    writeRaw(garbage);
    closeRaw();
    auto result = channel.readAvailable();
    ASSERT_TRUE(result.error) << "round " << round;
    EXPECT_FALSE(channel.isOpen());
  }
}

TEST_F(ChannelTest, BytesThatAreNotAnEnvelopeAreAParseFailure) {
  Channel& channel = open();
  writeRaw(header(3) + std::string("\xff\xff\xff", 3));
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kParseFailure);
}

TEST_F(ChannelTest, PassesAMemfdWhoseContentIsReadBack) {
  Channel& channel = open();
  int other[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, other), 0);
  Channel sender{UniqueFd(other[0])};
  Channel receiver{UniqueFd(other[1])};

  UniqueFd memfd(::memfd_create("frame", MFD_CLOEXEC));
  ASSERT_TRUE(memfd);
  const std::string content = "pixels in shared memory";
  ASSERT_EQ(::write(memfd.get(), content.data(), content.size()), static_cast<ssize_t>(content.size()));
  wire::Envelope envelope = ping("with fd");
  const int fds[] = {memfd.get()};
  ASSERT_FALSE(sender.send(envelope, fds));
  memfd.reset();  // the channel holds its own duplicate until the kernel has it

  auto result = receiver.readAvailable();
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.messages.size(), 1u);
  ASSERT_EQ(result.messages[0].fds.size(), 1u);
  const int received = result.messages[0].fds[0].get();
  std::string back(content.size(), '\0');
  ASSERT_EQ(::pread(received, back.data(), back.size(), 0), static_cast<ssize_t>(back.size()));
  EXPECT_EQ(back, content);
  (void)channel;
}

TEST_F(ChannelTest, MoreFdsThanAFrameMayCarryIsTooManyFds) {
  Channel& channel = open({.max_fds_per_frame = 2});
  int fds[4];
  for (int& fd : fds) fd = ::memfd_create("x", MFD_CLOEXEC);
  const std::string bytes = frameOf(ping("fds"));
  iovec iov{const_cast<char*>(bytes.data()), bytes.size()};
  char control[CMSG_SPACE(sizeof(fds))];
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof(control);
  cmsghdr* cmsg = CMSG_FIRSTHDR(&msg);
  cmsg->cmsg_level = SOL_SOCKET;
  cmsg->cmsg_type = SCM_RIGHTS;
  cmsg->cmsg_len = CMSG_LEN(sizeof(fds));
  std::memcpy(CMSG_DATA(cmsg), fds, sizeof(fds));
  ASSERT_GT(::sendmsg(raw_, &msg, 0), 0);
  for (int fd : fds) ::close(fd);
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kTooManyFds);
}

TEST_F(ChannelTest, FrameThatDeclaresFdsThatNeverCameIsAParseFailure) {
  Channel& channel = open();
  wire::Envelope envelope = ping("liar");
  envelope.set_fd_count(1);
  writeRaw(frameOf(envelope));
  auto result = channel.readAvailable();
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->kind, ErrorKind::kParseFailure);
}

TEST_F(ChannelTest, BackpressureBoundRefusesInsteadOfGrowing) {
  Channel& channel = open({.max_queued_bytes = 256 * 1024});
  const std::string payload(16 * 1024, 'b');
  int sent = 0;
  std::optional<ChannelError> error;
  for (int i = 0; i < 10000 && !error; ++i) {
    wire::Envelope envelope = ping(payload);
    error = channel.send(envelope);
    if (!error) ++sent;
  }
  ASSERT_TRUE(error) << "the bound was never reached";
  EXPECT_EQ(error->kind, ErrorKind::kQueueFull);
  EXPECT_LE(channel.queuedBytes(), 256u * 1024u);
  EXPECT_TRUE(channel.isOpen());

  // Drain the peer: every accepted message arrives, in order, nothing lost.
  Channel reader{UniqueFd(::dup(raw_))};  // shares the non-blocking file description
  int received = 0;
  uint64_t last_seq = 0;
  for (int spin = 0; spin < 100000 && received < sent; ++spin) {
    channel.handleWritable();
    auto result = reader.readAvailable();
    ASSERT_FALSE(result.error);
    for (auto& m : result.messages) {
      EXPECT_GT(m.envelope.seq(), last_seq);
      last_seq = m.envelope.seq();
      ++received;
    }
  }
  EXPECT_EQ(received, sent);
  EXPECT_FALSE(channel.hasPendingWrites());
}

TEST_F(ChannelTest, SendToAClosedPeerIsPeerClosed) {
  Channel& channel = open();
  closeRaw();
  wire::Envelope envelope = ping("nobody");
  auto error = channel.send(envelope);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->kind, ErrorKind::kPeerClosed);
  EXPECT_FALSE(channel.isOpen());
}

TEST_F(ChannelTest, ClosingTellsTheLoopAdapterEvenWithNothingQueued) {
  // Otherwise a Qt read notifier stays on the dead descriptor number, which the next socket may
  // reuse.
  Channel& channel = open();
  std::vector<bool> calls;
  channel.setWriteInterestHook([&](bool want) { calls.push_back(want); });
  channel.close();
  EXPECT_EQ(calls, std::vector<bool>{false});
  channel.close();
  EXPECT_EQ(calls.size(), 1u) << "a second close is not reported again";
}

TEST_F(ChannelTest, SendAssignsIncreasingSeqAndMonotonicTime) {
  Channel& channel = open();
  wire::Envelope a = ping("a"), b = ping("b");
  ASSERT_FALSE(channel.send(a));
  ASSERT_FALSE(channel.send(b));
  EXPECT_EQ(a.seq() + 1, b.seq());
  EXPECT_LE(a.sent_ns(), b.sent_ns());
}

class RecordingClient : public Channel::Client {
 public:
  void onMessage(Message&& message) override { messages.push_back(std::move(message)); }
  void onChannelError(const ChannelError& error) override { errors.push_back(error); }
  std::vector<Message> messages;
  std::vector<ChannelError> errors;
};

TEST_F(ChannelTest, PushStyleDeliversMessagesThenReportsTheErrorOnce) {
  Channel& channel = open();
  RecordingClient client;
  channel.setClient(&client);
  writeRaw(frameOf(ping("one")) + frameOf(ping("two", 2)) + header(0));
  channel.handleReadable();
  channel.handleReadable();
  EXPECT_EQ(client.messages.size(), 2u);
  ASSERT_EQ(client.errors.size(), 1u);
  EXPECT_EQ(client.errors[0].kind, ErrorKind::kParseFailure);
}

}  // namespace
}  // namespace sb::ipc::testing
