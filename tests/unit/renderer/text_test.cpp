#include <string>

#include <gtest/gtest.h>

#include "apps/renderer/layout/text_metrics.h"
#include "apps/renderer/text/url.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

TEST(Utf8, InvalidSequencesBecomeReplacementCharacters) {
  EXPECT_EQ(sanitizeUtf8("ok \xC3\xA9"), "ok \xC3\xA9");
  EXPECT_EQ(sanitizeUtf8("a\xFF"), "a\xEF\xBF\xBD");
  EXPECT_EQ(sanitizeUtf8("\xC3"), "\xEF\xBF\xBD");                                  // cut short
  EXPECT_EQ(sanitizeUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  EXPECT_EQ(sanitizeUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}

TEST(Utf8, PrefixesAndEllipsesNeverSplitACharacter) {
  EXPECT_EQ(utf8Prefix("ab\xC3\xA9", 3), "ab");
  EXPECT_EQ(utf8Prefix("ab", 5), "ab");
  EXPECT_EQ(ellipsize("abcdef", 6), "abcdef");
  EXPECT_EQ(ellipsize("abcdefgh", 6), "abc\xE2\x80\xA6");
}

TEST(Utf8, PopRemovesAWholeCharacter) {
  std::string text = "a\xF0\x9F\x98\x80";
  popLastCharacter(text);
  EXPECT_EQ(text, "a");
  popLastCharacter(text);
  popLastCharacter(text);
  EXPECT_EQ(text, "");
  EXPECT_EQ(countCharacters("a\xC3\xA9\xF0\x9F\x98\x80"), 3u);
}

TEST(Url, SplitsSchemeAuthorityPathAndQuery) {
  const Url url = parseUrl("HTTPS://User@Example.COM:8080/A/b?x=1&code=7#frag");
  EXPECT_EQ(url.scheme, "https");
  EXPECT_EQ(url.authority, "example.com:8080");
  EXPECT_EQ(url.path, "/A/b");
  EXPECT_EQ(url.query, "x=1&code=7");
  EXPECT_EQ(queryValue(url.query, "code"), "7");
  EXPECT_EQ(queryValue(url.query, "missing"), std::nullopt);
}

TEST(Url, OddStringsStillParse) {
  EXPECT_EQ(parseUrl("").scheme, "");
  EXPECT_EQ(parseUrl("no scheme here").path, "no scheme here");
  EXPECT_EQ(parseUrl("1http://x").scheme, "");
  const Url demo = parseUrl("demo://exit?code=4");
  EXPECT_EQ(demo.scheme, "demo");
  EXPECT_EQ(demo.authority, "exit");
  EXPECT_EQ(demo.query, "code=4");
  EXPECT_EQ(parseUrl("mailto:a@b").path, "a@b");
}

TEST(TextMetrics, WrapsLongTextIntoMoreLines) {
  const TextStyle style{.pixel_size = 20};
  EXPECT_EQ(estimateLineCount("short", style, 500), 1);
  const std::string long_text(200, 'w');
  EXPECT_GT(estimateLineCount(long_text, style, 500), 1);
  const std::string words = "one two three four five six seven eight nine ten eleven twelve";
  EXPECT_GT(estimateLineCount(words, style, 100), estimateLineCount(words, style, 1000));
  EXPECT_EQ(estimateLineCount("a\nb\nc", style, 1000), 3);
  EXPECT_EQ(estimateTextHeight("a\nb", style, 1000), 2 * lineHeight(style));
  EXPECT_GE(lineHeight(style), 20);
  EXPECT_LE(estimateLineWidth(long_text, style, 300), 300);
}

}  // namespace
}  // namespace sb::renderer
