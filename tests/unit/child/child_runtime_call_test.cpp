// ChildRuntime::callAndWait over a real socketpair: the thread blocks until its reply, handles
// nothing else meanwhile (not even a Ping), and handles what waited afterwards, in order.
#include <gtest/gtest.h>
#include <sys/socket.h>

#include <string>
#include <vector>

#include "common/child/child_runtime.h"
#include "common/ipc/channel.h"

namespace sb::child {
namespace {

struct RuntimeAndBrowser {
  RuntimeAndBrowser() {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds), 0);
    runtime = std::make_unique<ChildRuntime>(wire::PROCESS_KIND_RENDERER, UniqueFd(fds[0]));
    browser = std::make_unique<ipc::Channel>(UniqueFd(fds[1]));
    runtime->setMessageHandler(
        [this](ipc::Message&& message) { handled.push_back(message.envelope.seq()); });
  }

  void browserSends(wire::Envelope envelope) { ASSERT_FALSE(browser->send(envelope).has_value()); }

  std::vector<wire::Envelope> browserReads() {
    std::vector<wire::Envelope> out;
    for (auto& message : browser->readAvailable().messages) out.push_back(message.envelope);
    return out;
  }

  std::unique_ptr<ChildRuntime> runtime;
  std::unique_ptr<ipc::Channel> browser;
  std::vector<uint64_t> handled;  // seqs the message handler saw, in order
};

wire::Envelope resize(int width) {
  wire::Envelope envelope;
  envelope.mutable_resize()->set_width(width);
  return envelope;
}

TEST(ChildRuntimeCall, BlocksUntilItsReplyAndHandlesWhatWaitedAfterwardsInOrder) {
  RuntimeAndBrowser pair;
  wire::Envelope ping;
  ping.mutable_ping();
  pair.browserSends(ping);       // seq 1
  pair.browserSends(resize(1));  // seq 2
  wire::Envelope reply;
  reply.set_reply_to(1);  // the runtime's first message
  reply.mutable_call_reply()->set_answer("42");
  pair.browserSends(reply);      // seq 3
  pair.browserSends(resize(2));  // seq 4

  wire::Envelope call;
  call.mutable_call()->set_question("?");
  call.mutable_call()->set_blocking(true);
  const auto answer = pair.runtime->callAndWait(call);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->call_reply().answer(), "42");
  EXPECT_EQ(answer->seq(), 3u);
  EXPECT_TRUE(pair.handled.empty()) << "nothing else is handled while the thread waits";
  auto sent = pair.browserReads();
  ASSERT_EQ(sent.size(), 1u) << "not even the Ping was answered";
  EXPECT_TRUE(sent[0].has_call());

  // Back in the loop: what waited is handled in arrival order, and the Ping answered.
  pair.browserSends(resize(3));  // seq 5: newer, so after everything held
  for (int i = 0; i < 5; ++i) pair.runtime->loop().runOnce(10);
  EXPECT_EQ(pair.handled, (std::vector<uint64_t>{2, 4, 5}));
  sent = pair.browserReads();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_TRUE(sent[0].has_pong());
  EXPECT_EQ(sent[0].reply_to(), 1u);
}

TEST(ChildRuntimeCall, TheBrowserGoingAwayEndsTheWaitAndTheLoop) {
  RuntimeAndBrowser pair;
  pair.browserSends(resize(1));
  pair.browser.reset();  // closes the browser's end
  wire::Envelope call;
  call.mutable_call()->set_blocking(true);
  EXPECT_FALSE(pair.runtime->callAndWait(call).has_value());
  EXPECT_TRUE(pair.runtime->loop().quitRequested());
}

}  // namespace
}  // namespace sb::child
