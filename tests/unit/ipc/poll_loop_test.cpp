#include "common/ipc/poll_loop.h"

#include <sys/socket.h>

#include <gtest/gtest.h>

#include "common/ipc/poll_channel.h"

namespace sb::ipc {
namespace {

TEST(PollLoop, TimersFireInOrderAndQuitStopsTheLoop) {
  PollLoop loop;
  std::vector<int> order;
  loop.startTimer(std::chrono::milliseconds(20), false, [&] { order.push_back(2); });
  loop.startTimer(std::chrono::milliseconds(1), false, [&] { order.push_back(1); });
  loop.startTimer(std::chrono::milliseconds(40), false, [&] { loop.quit(7); });
  EXPECT_EQ(loop.run(), 7);
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

class Echo : public Channel::Client {
 public:
  explicit Echo(Channel& channel) : channel_(channel) {}
  void onMessage(Message&& message) override {
    wire::Envelope reply;
    reply.set_reply_to(message.envelope.seq());
    reply.mutable_pong()->set_payload(message.envelope.ping().payload());
    channel_.send(reply);
  }
  void onChannelError(const ChannelError&) override {}

 private:
  Channel& channel_;
};

TEST(PollChannel, LargeMessagesFlowBothWaysThroughOneLoop) {
  int fds[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds), 0);
  PollLoop loop;
  Channel a{UniqueFd(fds[0])}, b{UniqueFd(fds[1])};
  Echo echo(b);
  b.setClient(&echo);
  struct Counter : Channel::Client {
    PollLoop* loop;
    int pongs = 0;
    void onMessage(Message&& m) override {
      if (m.envelope.pong().payload().size() == 1u << 20 && ++pongs == 5) loop->quit();
    }
    void onChannelError(const ChannelError&) override { loop->quit(1); }
  } counter;
  counter.loop = &loop;
  a.setClient(&counter);
  PollChannel da(loop, a), db(loop, b);
  for (int i = 0; i < 5; ++i) {
    wire::Envelope ping;
    ping.mutable_ping()->set_payload(std::string(1 << 20, 'x'));
    ASSERT_FALSE(a.send(ping));
  }
  loop.startTimer(std::chrono::seconds(10), false, [&] { loop.quit(2); });
  EXPECT_EQ(loop.run(), 0);
  EXPECT_EQ(counter.pongs, 5);
}

}  // namespace
}  // namespace sb::ipc
