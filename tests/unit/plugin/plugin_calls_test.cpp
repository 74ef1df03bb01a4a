// A page's call to a plugin instance: the instance asks its page back with a blocking call first,
// then answers with both; whatever happens to the call back, the page gets a reply.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/unit/plugin/plugin_test_support.h"

namespace sb::plugin::testing {
namespace {

struct CallHarness {
  explicit CallHarness(std::optional<wire::CallReply> page_reply)
      : page_reply_(std::move(page_reply)) {
    harness.core.setCallAndWait([this](wire::Envelope& request) -> std::optional<wire::Envelope> {
      calls_back.push_back(request);
      if (!page_reply_) return std::nullopt;
      wire::Envelope reply;
      *reply.mutable_call_reply() = *page_reply_;
      return reply;
    });
    harness.create(4);
    harness.sent.clear();
  }

  // The browser forwards a page's call as envelope `seq`; returns the plugin's reply.
  wire::Envelope call(uint32_t instance_id, uint64_t seq = 50) {
    wire::Envelope envelope;
    envelope.set_seq(seq);
    envelope.mutable_call()->set_instance_id(instance_id);
    envelope.mutable_call()->set_question("How many frames have you drawn?");
    envelope.mutable_call()->set_blocking(true);
    EXPECT_EQ(harness.core.handle(envelope), HandleResult::kHandled);
    EXPECT_FALSE(harness.sent.empty());
    return harness.sent.empty() ? wire::Envelope{} : harness.sent.back();
  }

  CoreHarness harness{PluginType::kTicker};
  std::vector<wire::Envelope> calls_back;

 private:
  std::optional<wire::CallReply> page_reply_;
};

wire::CallReply answered(const std::string& text) {
  wire::CallReply reply;
  reply.set_answer(text);
  return reply;
}

TEST(PluginCalls, TheInstanceAsksItsPageBackBlockingThenAnswersWithBoth) {
  CallHarness plugin(answered("demo://deadlock, call 1"));
  const wire::Envelope reply = plugin.call(4);
  ASSERT_EQ(plugin.calls_back.size(), 1u);
  const wire::Call& back = plugin.calls_back[0].call();
  EXPECT_EQ(back.instance_id(), 4u);
  EXPECT_EQ(back.box_id(), 0u) << "a plugin names its instance, the browser finds the box";
  EXPECT_TRUE(back.blocking());
  ASSERT_TRUE(reply.has_call_reply());
  EXPECT_EQ(reply.reply_to(), 50u);
  EXPECT_EQ(reply.call_reply().answer(),
            "1 frame drawn; the page said: \"demo://deadlock, call 1\"");
}

TEST(PluginCalls, ARefusedCallBackStillGetsThePageAnAnswer) {
  wire::CallReply refused;
  refused.set_deadlock(true);
  refused.set_error("refused by the browser to break a deadlock");
  CallHarness plugin(refused);
  const wire::Envelope reply = plugin.call(4);
  EXPECT_EQ(reply.call_reply().answer(),
            "1 frame drawn; the page said: (refused by the browser to break a deadlock)");
  EXPECT_TRUE(reply.call_reply().error().empty());
}

TEST(PluginCalls, AnErrorOrAClosedChannelIsSaidInTheAnswer) {
  wire::CallReply failed;
  failed.set_error("this page answers no calls");
  EXPECT_EQ(CallHarness(failed).call(4).call_reply().answer(),
            "1 frame drawn; the page said: (no answer: this page answers no calls)");
  EXPECT_EQ(CallHarness(std::nullopt).call(4).call_reply().answer(),
            "1 frame drawn; the page said: (no reply: the channel to the browser closed)");
}

TEST(PluginCalls, AnUnknownInstanceIsAnErrorReplyWithoutACallBack) {
  CallHarness plugin(answered("x"));
  const wire::Envelope reply = plugin.call(99, 7);
  EXPECT_TRUE(plugin.calls_back.empty());
  EXPECT_EQ(reply.reply_to(), 7u);
  EXPECT_EQ(reply.call_reply().error(), "this ticker process has no instance 99");
}

}  // namespace
}  // namespace sb::plugin::testing
