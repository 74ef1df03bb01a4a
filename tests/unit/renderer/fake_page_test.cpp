#include <string>

#include <gtest/gtest.h>

#include "apps/renderer/content/fake_page_generator.h"
#include "tests/unit/renderer/renderer_test_support.h"

namespace sb::renderer::testing {
namespace {

std::string renderedBytes(std::string_view url) {
  CoreHarness harness;
  harness.navigate(7, url, 99, 900, 5000);
  return harness.lastList(7).SerializeAsString();
}

TEST(FakePage, TheSameUrlGivesAByteIdenticalList) {
  for (const char* url :
       {"https://example.com/x", "http://news.example/story/3", "ftp://a.b/c?d=e"}) {
    EXPECT_EQ(renderedBytes(url), renderedBytes(url)) << url;
  }
}

TEST(FakePage, DifferentUrlsGiveDifferentPages) {
  const auto a = generateFakePage("https://example.com/a");
  const auto b = generateFakePage("https://example.com/b");
  EXPECT_NE(renderedBytes("https://example.com/a"), renderedBytes("https://example.com/b"));
  EXPECT_NE(a.paragraphs, b.paragraphs);
  EXPECT_NE(a.picture.rgba(), b.picture.rgba());
}

TEST(FakePage, HasTitleHeadingParagraphsPictureAndLinksOnTheSameHost) {
  const FakePageContent content = generateFakePage("https://shop.example:8080/cart/items?id=4");
  EXPECT_EQ(content.title, "shop.example:8080/cart/items");
  EXPECT_FALSE(content.heading.empty());
  EXPECT_GE(content.paragraphs.size(), 3u);
  EXPECT_GT(content.picture.width(), 0);
  EXPECT_LE(content.picture.width(), 256);
  EXPECT_EQ(content.picture.rgba().size(),
            static_cast<size_t>(content.picture.width()) * content.picture.height() * 4);
  ASSERT_EQ(content.links.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(content.links[i].href.starts_with("https://shop.example:8080/"))
        << content.links[i].href;
  }
  EXPECT_EQ(content.links[3].href, "demo://home");
}

TEST(FakePage, TheListCarriesTheLinksAndThePicture) {
  CoreHarness harness;
  harness.navigate(1, "http://news.example/story/1", 1, 1024, 10000);
  const wire::DisplayList& list = harness.lastList(1);
  int same_host = 0;
  for (const std::string& href : hrefs(list)) same_host += href.starts_with("http://news.example/");
  EXPECT_EQ(same_host, 3);
  EXPECT_NE(findLink(list, "demo://home"), nullptr);
  bool has_image = false;
  for (const auto& item : list.items()) has_image |= item.has_image();
  EXPECT_TRUE(has_image);
}

TEST(FakePage, AUrlWithoutAHostLinksIntoExampleCom) {
  const FakePageContent content = generateFakePage("mailto:someone@example.org");
  EXPECT_TRUE(content.links[0].href.starts_with("https://example.com/"));
}

}  // namespace
}  // namespace sb::renderer::testing
