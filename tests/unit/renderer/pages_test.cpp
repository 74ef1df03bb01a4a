#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

struct PageCase {
  const char* url;
  const char* title;
};

// Names the case by its URL in test listings (CTest shows it) instead of raw struct bytes.
void PrintTo(const PageCase& c, std::ostream* os) { *os << (*c.url ? c.url : "(empty URL)"); }

class EveryPage : public ::testing::TestWithParam<PageCase> {};

TEST_P(EveryPage, RendersANonEmptyListWithItsTitleInsideTheWireLimits) {
  for (const int width : {1024, 360, 1}) {
    CoreHarness harness;
    ASSERT_EQ(harness.navigate(1, GetParam().url, 1, width, 700), HandleResult::kHandled);
    const wire::DisplayList& list = harness.lastList(1);
    EXPECT_EQ(list.title(), GetParam().title) << "width " << width;
    EXPECT_GT(list.content_height(), 0);
    EXPECT_GT(list.items_size(), 0);
    EXPECT_TRUE(respectsWireLimits(list)) << "width " << width;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Renderer, EveryPage,
    ::testing::Values(
        PageCase{"demo://home", "Sandbrowser"}, PageCase{"demo://news", "The Sandbox Times"},
        PageCase{"demo://clock", "Clock"}, PageCase{"demo://form", "Form"},
        PageCase{"demo://leak", "Leak (0 MiB)"}, PageCase{"demo://crash", "Crash (SIGSEGV)"},
        PageCase{"demo://abort", "Abort (SIGABRT)"}, PageCase{"demo://hang", "Hang (busy loop)"},
        PageCase{"demo://exit", "Exit (code 3)"}, PageCase{"demo://exit?code=7", "Exit (code 7)"},
        PageCase{"demo://plugin", "Plugins"}, PageCase{"demo://plugincrash", "Plugin crash"},
        PageCase{"demo://gpucrash", "GPU crash"}, PageCase{"demo://ipc-lab", "IPC lab"}, PageCase{"demo://tour", "Guided tour"}, PageCase{"demo://nope", "Page not found"}, PageCase{"", "Page not found"},
        PageCase{"https://example.com/x", "example.com/x"},
        PageCase{"http://news.example/story/2", "news.example/story/2"},
        PageCase{"gopher://hole.example", "hole.example"},
        PageCase{"just some words", "just some words"}));

TEST(HomePage, LinksEveryDemoWithADescriptionAndNamesThePid) {
  CoreHarness harness;
  harness.navigate(1, "demo://home", 1, 1024, 20000);  // tall enough to show everything
  const wire::DisplayList& list = harness.lastList(1);
  for (const char* href :
       {"demo://news", "demo://clock", "demo://form", "demo://crash", "demo://abort", "demo://hang",
        "demo://leak", "demo://exit", "demo://ipc-lab", "demo://tour", "https://example.com/x"}) {
    EXPECT_NE(findLink(list, href), nullptr) << href;
  }
  const std::string text = allText(list);
  EXPECT_NE(text.find("SIGSEGV"), std::string::npos);
  EXPECT_NE(text.find("busy loop"), std::string::npos);
  EXPECT_NE(text.find("deterministic fake page"), std::string::npos);
  EXPECT_NE(text.find("Rendered by renderer pid 4242"), std::string::npos);
}

TEST(TourPage, EveryLessonStartsFromAPageThatExists) {
  CoreHarness harness;
  harness.navigate(1, "demo://tour", 1, 1024, 20000);
  const std::vector<std::string> links = hrefs(harness.lastList(1));
  EXPECT_GE(links.size(), 7u);
  const std::string text = allText(harness.lastList(1));
  for (const char* watch : {"Processes and threads", "IPC kinds", "Shared memory", "Isolation", "The sandbox", "Hangs"}) {
    EXPECT_NE(text.find(watch), std::string::npos) << watch;
  }
  uint64_t navigation = 1;
  for (const std::string& href : links) {
    ASSERT_TRUE(href.starts_with("demo://")) << href;
    harness.navigate(2, href, ++navigation);
    EXPECT_NE(harness.lastList(2).title(), "Page not found") << href;
  }
}

TEST(HomePage, AnEmptyDemoNameIsTheHomePage) {
  CoreHarness harness;
  harness.navigate(1, "demo://home/");
  EXPECT_EQ(harness.lastList(1).title(), "Sandbrowser");
  harness.navigate(1, "DEMO://HOME", 2);
  EXPECT_EQ(harness.lastList(1).title(), "Sandbrowser");
}

TEST(NewsPage, HasHeadlinesLinkingToStoriesAndAGeneratedImage) {
  CoreHarness harness;
  harness.navigate(1, "demo://news", 1, 1024, 20000);  // tall enough to show everything
  const wire::DisplayList& list = harness.lastList(1);
  int stories = 0;
  for (const std::string& href : hrefs(list))
    stories += href.starts_with("https://news.example/story/");
  EXPECT_GE(stories, 4);
  int images = 0;
  for (const auto& item : list.items()) {
    if (!item.has_image()) continue;
    ++images;
    EXPECT_LE(item.image().width(), 256);
    EXPECT_EQ(item.image().rgba().size(),
              static_cast<size_t>(item.image().width()) * item.image().height() * 4);
  }
  EXPECT_GE(images, 1);
}

TEST(NotFoundPage, NamesTheUrlAndLinksHome) {
  CoreHarness harness;
  harness.navigate(1, "demo://does-not-exist");
  const wire::DisplayList& list = harness.lastList(1);
  EXPECT_EQ(list.title(), "Page not found");
  EXPECT_NE(allText(list).find("demo://does-not-exist"), std::string::npos);
  EXPECT_NE(findLink(list, "demo://home"), nullptr);
  EXPECT_TRUE(harness.timeline.size() == 1) << "nothing but the list happened";
}

TEST(OddUrls, NeverCrashAndStayInsideTheLimits) {
  const std::string huge(200'000, 'a');
  const std::string invalid_utf8 = "https://bad.example/\xFF\xFE\xC3";
  for (const std::string& url :
       {std::string(), std::string("no-scheme"), std::string(":"), std::string("://"),
        std::string("demo:"), std::string("demo://"), std::string("https://"),
        std::string("https://" + huge), std::string("demo://" + huge), huge, invalid_utf8,
        std::string("demo://exit?code=999"), std::string("demo://exit?code=-1"),
        std::string("demo://exit?code=abc"), std::string("mailto:someone@example.com"),
        std::string("http://user:pw@host.example:8080/p?q#f")}) {
    CoreHarness harness;
    harness.navigate(1, url);
    EXPECT_TRUE(respectsWireLimits(harness.lastList(1))) << url.substr(0, 60);
  }
}

TEST(OddUrls, AnExitCodeOutOfRangeFallsBackToThree) {
  CoreHarness harness;
  harness.navigate(1, "demo://exit?code=300");
  EXPECT_EQ(harness.lastList(1).title(), "Exit (code 3)");
  EXPECT_EQ(harness.timeline.back(), "exit:3");
}

}  // namespace
}  // namespace sb::renderer::testing
