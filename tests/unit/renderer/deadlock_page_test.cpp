// demo://deadlock in a RendererCore with a fake blocking call: what the page sends, what it shows
// for each kind of reply, and how it answers the plugin's calls.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "apps/renderer/pages/pages.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

constexpr uint32_t kTab = 5;

// The renderer with a blocking call that records what it was asked and returns `reply`.
struct DeadlockHarness {
  DeadlockHarness() {
    harness.core.setCallAndWait([this](wire::Envelope& request) -> std::optional<wire::Envelope> {
      blocking_calls.push_back(request);
      if (!reply) return std::nullopt;
      wire::Envelope envelope;
      *envelope.mutable_call_reply() = *reply;
      return envelope;
    });
    harness.navigate(kTab, "demo://deadlock");
    harness.resize(kTab, 1280, 4000);  // the whole page in view: the renderer culls what is not
  }

  std::string text() const { return allText(harness.lastList(kTab)); }

  // The last message of this kind the renderer sent (a repaint usually follows it).
  const wire::Envelope* lastSent(wire::Envelope::BodyCase body) const {
    for (auto it = harness.sent.rbegin(); it != harness.sent.rend(); ++it) {
      if (it->body_case() == body) return &*it;
    }
    return nullptr;
  }

  CoreHarness harness;
  std::vector<wire::Envelope> blocking_calls;
  std::optional<wire::CallReply> reply;
};

wire::CallReply deadlockBrokenReply() {
  wire::CallReply reply;
  reply.set_answer("120 frames drawn; the page said: (refused by the browser to break a deadlock)");
  reply.set_cycle("renderer pid 10 -> plugin ticker pid 12 -> renderer pid 10");
  reply.set_waited_ms(1003);
  return reply;
}

TEST(DeadlockPage, EmbedsATickerBoxAndOffersBothKindsOfCall) {
  DeadlockHarness page;
  bool has_box = false;
  for (const auto& item : page.harness.lastList(kTab).items()) {
    if (item.has_plugin() && item.plugin().box_id() == kDeadlockBoxId &&
        item.plugin().type() == "ticker")
      has_box = true;
  }
  EXPECT_TRUE(has_box);
  EXPECT_NE(page.text().find("Ask and wait (Enter)"), std::string::npos);
  EXPECT_NE(page.text().find("Ask without waiting (N)"), std::string::npos);
  EXPECT_NE(page.text().find("Not asked yet"), std::string::npos);
}

TEST(DeadlockPage, EnterMakesOneBlockingCallAndShowsTheBrokenCycle) {
  DeadlockHarness page;
  page.reply = deadlockBrokenReply();
  page.harness.press(kTab, wire::KeyInput::SPECIAL_ENTER);
  ASSERT_EQ(page.blocking_calls.size(), 1u);
  const wire::Envelope& call = page.blocking_calls.front();
  EXPECT_EQ(call.tab_id(), kTab);
  EXPECT_EQ(call.call().box_id(), kDeadlockBoxId);
  EXPECT_EQ(call.call().instance_id(), 0u);
  EXPECT_TRUE(call.call().blocking());
  EXPECT_EQ(call.call().navigation_id(), 1u)
      << "the browser tells a page's call from its successor's";
  EXPECT_FALSE(call.call().question().empty());

  const std::string text = page.text();
  EXPECT_NE(text.find("Deadlock found and broken"), std::string::npos) << text;
  EXPECT_NE(text.find("renderer pid 10 -> plugin ticker pid 12 -> renderer pid 10"),
            std::string::npos);
  EXPECT_NE(text.find("Unblocked after 1003 ms"), std::string::npos) << text;
}

TEST(DeadlockPage, ThePluginsCallAfterTheWaitIsAnsweredAndCalledTooLate) {
  DeadlockHarness page;
  page.reply = deadlockBrokenReply();
  page.harness.press(kTab, wire::KeyInput::SPECIAL_ENTER);

  // The plugin's call back, held while the renderer was blocked, comes in afterwards.
  wire::Envelope call;
  call.set_seq(77);
  call.set_tab_id(kTab);
  call.mutable_call()->set_box_id(kDeadlockBoxId);
  call.mutable_call()->set_question("Which page am I on?");
  call.mutable_call()->set_blocking(true);
  ASSERT_EQ(page.harness.core.handle(call), HandleResult::kHandled);

  ASSERT_NE(page.lastSent(wire::Envelope::kCallReply), nullptr);
  const wire::Envelope& answer = *page.lastSent(wire::Envelope::kCallReply);
  EXPECT_EQ(answer.reply_to(), 77u);
  EXPECT_EQ(answer.tab_id(), kTab);
  EXPECT_EQ(answer.call_reply().answer(), "demo://deadlock, call 1");
  EXPECT_TRUE(answer.call_reply().error().empty());
  EXPECT_NE(page.text().find("too late, the browser had refused that call"), std::string::npos)
      << page.text();
}

TEST(DeadlockPage, TheNonBlockingCallLeavesThePageFreeToAnswerThePlugin) {
  DeadlockHarness page;
  page.harness.type(kTab, "n");
  EXPECT_TRUE(page.blocking_calls.empty()) << "the page did not block";
  ASSERT_NE(page.lastSent(wire::Envelope::kCall), nullptr);
  EXPECT_FALSE(page.lastSent(wire::Envelope::kCall)->call().blocking());
  EXPECT_NE(page.text().find("Waiting for the plugin's answer"), std::string::npos);

  wire::Envelope plugin_call;
  plugin_call.set_seq(9);
  plugin_call.set_tab_id(kTab);
  plugin_call.mutable_call()->set_question("Which page am I on?");
  page.harness.core.handle(plugin_call);
  EXPECT_NE(page.text().find("answered at once: the page was not blocked"), std::string::npos)
      << page.text();

  wire::Envelope reply;
  reply.set_tab_id(kTab);
  reply.mutable_call_reply()->set_answer(
      "120 frames drawn; the page said: \"demo://deadlock, call 1\"");
  reply.mutable_call_reply()->set_waited_ms(4);
  page.harness.core.handle(reply);
  const std::string text = page.text();
  EXPECT_NE(text.find("The answer came after 4 ms"), std::string::npos) << text;
  EXPECT_EQ(text.find("Deadlock found"), std::string::npos);
  EXPECT_NE(text.find("1 call from the plugin answered"), std::string::npos);
}

TEST(DeadlockPage, AFailedCallSaysWhy) {
  DeadlockHarness page;
  wire::CallReply failed;
  failed.set_error("the ticker plugin process is still starting");
  page.reply = failed;
  page.harness.press(kTab, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_NE(page.text().find("No answer after 0 ms: the ticker plugin process is still starting"),
            std::string::npos)
      << page.text();
}

TEST(DeadlockPage, AClosedChannelWhileBlockedIsAnErrorNotAHang) {
  DeadlockHarness page;
  page.reply.reset();  // call_and_wait returns nullopt: the channel closed
  page.harness.press(kTab, wire::KeyInput::SPECIAL_ENTER);
  EXPECT_NE(page.text().find("the channel to the browser closed while waiting"), std::string::npos)
      << page.text();
}

TEST(DeadlockPage, OtherPagesAnswerNoCallsButAlwaysReply) {
  CoreHarness harness;
  harness.navigate(kTab, "demo://home");
  wire::Envelope call;
  call.set_seq(3);
  call.set_tab_id(kTab);
  call.mutable_call()->set_question("Which page am I on?");
  harness.core.handle(call);
  ASSERT_TRUE(harness.sent.back().has_call_reply());
  EXPECT_EQ(harness.sent.back().reply_to(), 3u);
  EXPECT_EQ(harness.sent.back().call_reply().error(), "this page answers no calls");

  call.set_tab_id(99);  // a tab this renderer does not host: still answered, the caller waits
  harness.core.handle(call);
  EXPECT_EQ(harness.sent.back().call_reply().error(), "this renderer hosts no tab 99");
}

}  // namespace
}  // namespace sb::renderer::testing
