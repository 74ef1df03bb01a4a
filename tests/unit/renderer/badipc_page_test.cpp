// demo://badipc with a recording sender: exactly one bad message of the named kind, after the
// page is on screen, and nothing from any other page.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "apps/renderer/bad_ipc/bad_ipc_kinds.h"
#include "apps/renderer/bad_ipc/bad_messages.h"
#include "common/ipc/frame_decoder.h"
#include "common/ipc/wire_limits.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer {
// Names a case by its kind in failure messages; found by argument-dependent lookup.
void PrintTo(const BadIpcKindInfo& info, std::ostream* os) { *os << info.name; }
}  // namespace sb::renderer

namespace sb::renderer::testing {
namespace {

using Sizes = BadIpcSizes;

constexpr uint32_t kTab = 3;
constexpr uint64_t kNavigation = 7;

// Opens demo://badipc?kind=NAME in tab 3 as navigation 7.
void openKind(CoreHarness& harness, std::string_view name) {
  harness.navigate(kTab, "demo://badipc?kind=" + std::string(name), kNavigation);
}

const wire::Envelope& onlyEnvelope(const CoreHarness& harness) {
  EXPECT_EQ(harness.bad_ipc.envelopes.size(), 1u);
  EXPECT_TRUE(harness.bad_ipc.raw.empty());
  static const wire::Envelope kNone;
  return harness.bad_ipc.envelopes.empty() ? kNone : harness.bad_ipc.envelopes.front();
}

const std::string& onlyRaw(const CoreHarness& harness) {
  EXPECT_TRUE(harness.bad_ipc.envelopes.empty());
  EXPECT_EQ(harness.bad_ipc.raw.size(), 1u);
  static const std::string kNone;
  return harness.bad_ipc.raw.empty() ? kNone : harness.bad_ipc.raw.front();
}

TEST(BadIpcPage, WithoutAKindListsEveryKindAndSendsNothing) {
  CoreHarness harness;
  harness.navigate(1, "demo://badipc", 1, 1024, 20000);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(list.title(), "Bad IPC");
  EXPECT_GE(badIpcKinds().size(), 12u);
  for (const BadIpcKindInfo& info : badIpcKinds()) {
    EXPECT_NE(findLink(list, "demo://badipc?kind=" + std::string(info.name)), nullptr) << info.name;
  }
  EXPECT_TRUE(respectsWireLimits(list));
  EXPECT_TRUE(harness.bad_ipc.envelopes.empty());
  EXPECT_TRUE(harness.bad_ipc.raw.empty());
}

TEST(BadIpcPage, FitsTheWireLimitsAtAnyWidth) {
  for (const char* url : {"demo://badipc", "demo://badipc?kind=garbage", "demo://badipc?kind=x"}) {
    for (const int width : {1024, 360, 1}) {
      CoreHarness harness;
      harness.navigate(1, url, 1, width, 700);
      EXPECT_TRUE(respectsWireLimits(harness.lastList(1))) << url << " at width " << width;
    }
  }
}

TEST(BadIpcPage, AnUnknownKindSaysSoAndSendsNothing) {
  CoreHarness harness;
  harness.navigate(1, "demo://badipc?kind=%FF\xFF-nope", 1, 1024, 20000);
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_NE(allText(list).find("No such kind"), std::string::npos);
  EXPECT_TRUE(respectsWireLimits(list));
  EXPECT_TRUE(harness.bad_ipc.envelopes.empty());
  EXPECT_TRUE(harness.bad_ipc.raw.empty());
}

class EveryBadIpcKind : public ::testing::TestWithParam<BadIpcKindInfo> {};

TEST_P(EveryBadIpcKind, ExplainsItselfThenSendsOnceAfterThePageIsOnScreen) {
  CoreHarness harness;
  openKind(harness, GetParam().name);
  ASSERT_GE(harness.timeline.size(), 2u);
  EXPECT_EQ(harness.timeline.front(), "send:display_list");
  EXPECT_TRUE(harness.timeline[1].starts_with("bad:")) << harness.timeline[1];
  const wire::DisplayList& page = harness.lastList(kTab);
  EXPECT_EQ(page.title(), "Bad IPC: " + std::string(GetParam().name));
  EXPECT_TRUE(respectsWireLimits(page));
  EXPECT_NE(allText(page).find(std::string(GetParam().browser_says)), std::string::npos);

  // Nothing more on repaints; a new visit is a new message.
  const size_t sent = harness.bad_ipc.envelopes.size() + harness.bad_ipc.raw.size();
  harness.resize(kTab, 640, 480);
  EXPECT_EQ(harness.bad_ipc.envelopes.size() + harness.bad_ipc.raw.size(), sent);
}

INSTANTIATE_TEST_SUITE_P(Renderer, EveryBadIpcKind,
                         ::testing::ValuesIn(badIpcKinds().begin(), badIpcKinds().end()),
                         [](const auto& info) {
                           std::string name(info.param.name);
                           std::erase(name, '-');
                           return name;
                         });

TEST(BadIpcMessages, WrongTabSpeaksForTheTabOpenedBefore) {
  CoreHarness harness;
  openKind(harness, "wrong-tab");
  const wire::Envelope& envelope = onlyEnvelope(harness);
  EXPECT_EQ(envelope.tab_id(), kTab - 1);
  ASSERT_TRUE(envelope.has_display_list());
  EXPECT_TRUE(respectsWireLimits(envelope.display_list()));  // only the tab is wrong

  CoreHarness first_tab;
  first_tab.navigate(1, "demo://badipc?kind=wrong-tab");
  EXPECT_EQ(onlyEnvelope(first_tab).tab_id(), 2u);
}

TEST(BadIpcMessages, FutureNavigationIsOtherwiseValid) {
  CoreHarness harness;
  openKind(harness, "future-navigation");
  const wire::Envelope& envelope = onlyEnvelope(harness);
  EXPECT_EQ(envelope.tab_id(), kTab);
  EXPECT_EQ(envelope.display_list().navigation_id(), kNavigation + Sizes::kFutureNavigationAhead);
  EXPECT_TRUE(respectsWireLimits(envelope.display_list()));
}

TEST(BadIpcMessages, ImagesLieAboutTheirSize) {
  CoreHarness huge;
  openKind(huge, "huge-image");
  const auto& list = onlyEnvelope(huge).display_list();
  ASSERT_TRUE(list.items(list.items_size() - 1).has_image());
  const wire::Image& image = list.items(list.items_size() - 1).image();
  EXPECT_EQ(image.width(), 4096);
  EXPECT_EQ(image.height(), 4096);
  EXPECT_EQ(list.navigation_id(), kNavigation);

  CoreHarness bad_data;
  openKind(bad_data, "bad-image-data");
  const auto& other = onlyEnvelope(bad_data).display_list();
  const wire::Image& small = other.items(other.items_size() - 1).image();
  EXPECT_EQ(small.width(), 16);
  EXPECT_EQ(small.rgba().size(), 100u);
}

TEST(BadIpcMessages, TooManyItemsAndBadPixelSize) {
  CoreHarness many;
  openKind(many, "too-many-items");
  EXPECT_EQ(onlyEnvelope(many).display_list().items_size(), 6000);
  EXPECT_GT(6000u, ipc::WireLimits::kMaxDisplayItems);

  CoreHarness pixel;
  openKind(pixel, "bad-pixel-size");
  const auto& list = onlyEnvelope(pixel).display_list();
  ASSERT_TRUE(list.items(list.items_size() - 1).has_text());
  EXPECT_EQ(list.items(list.items_size() - 1).text().pixel_size(), 0);
}

TEST(BadIpcMessages, BrowserOnlyAndSecondHelloAndUnknownKind) {
  CoreHarness navigate;
  openKind(navigate, "browser-only");
  EXPECT_TRUE(onlyEnvelope(navigate).has_navigate());

  CoreHarness hello;
  openKind(hello, "second-hello");
  const wire::Envelope& second = onlyEnvelope(hello);
  ASSERT_TRUE(second.has_hello());
  EXPECT_EQ(second.hello().kind(), wire::PROCESS_KIND_RENDERER);
  EXPECT_EQ(second.hello().protocol_version(), wire::PROTOCOL_VERSION_CURRENT);

  CoreHarness unknown;
  openKind(unknown, "unknown-kind");
  wire::Envelope parsed;
  ASSERT_TRUE(parsed.ParseFromString(onlyEnvelope(unknown).SerializeAsString()));
  EXPECT_EQ(parsed.body_case(), wire::Envelope::BODY_NOT_SET);
  EXPECT_EQ(parsed.GetReflection()->GetUnknownFields(parsed).field_count(), 1);
}

TEST(BadIpcMessages, OversizeFrameAnnouncesMoreThanTheMaximum) {
  CoreHarness harness;
  openKind(harness, "oversize-frame");
  const std::string& bytes = onlyRaw(harness);
  ipc::FrameDecoder decoder;
  const auto error = decoder.append(bytes);
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind, ipc::ErrorKind::kFrameTooLarge);
}

TEST(BadIpcMessages, GarbageIsAWholeFrameThatIsNoEnvelope) {
  CoreHarness harness;
  openKind(harness, "garbage");
  const std::string& bytes = onlyRaw(harness);
  ipc::FrameDecoder decoder;
  ASSERT_FALSE(decoder.append(bytes).has_value());
  const auto payload = decoder.nextFrame();
  ASSERT_TRUE(payload.has_value());
  EXPECT_EQ(payload->size(), Sizes::kGarbagePayloadBytes);
  EXPECT_EQ(decoder.pendingBytes(), 0u);
  wire::Envelope envelope;
  EXPECT_FALSE(envelope.ParseFromArray(payload->data(), static_cast<int>(payload->size())));
}

TEST(BadIpcMessages, FloodIsOneBurstOfValidLogRecords) {
  CoreHarness harness;
  openKind(harness, "flood");
  ASSERT_EQ(harness.bad_ipc.envelopes.size(), static_cast<size_t>(Sizes::kFloodMessages));
  for (const wire::Envelope& envelope : harness.bad_ipc.envelopes) {
    ASSERT_TRUE(envelope.has_log_record());
    ASSERT_LE(envelope.log_record().text().size(), 4096u);
  }
}

TEST(BadIpcMessages, NoOtherPageGetsToSendThem) {
  CoreHarness harness;
  for (const char* url : {"demo://home", "demo://news", "demo://clock", "demo://form",
                          "demo://sandbox", "demo://crash", "https://example.com/x"}) {
    harness.navigate(1, url);
  }
  harness.scheduler.advance(std::chrono::milliseconds(1000));
  EXPECT_TRUE(harness.bad_ipc.envelopes.empty());
  EXPECT_TRUE(harness.bad_ipc.raw.empty());
}

}  // namespace
}  // namespace sb::renderer::testing
