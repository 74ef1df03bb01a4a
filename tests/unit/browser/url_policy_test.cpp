#include "apps/browser/core/url_policy.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

QString accepted(const QString& text) {
  auto result = parseUrl(text);
  if (auto* url = std::get_if<QUrl>(&result)) return url->toString();
  return "ERROR: " + std::get<UrlError>(result).message;
}

bool rejected(const QString& text) { return std::holds_alternative<UrlError>(parseUrl(text)); }

TEST(UrlPolicy, AcceptsDemoAndWebUrls) {
  EXPECT_EQ(accepted("demo://home"), "demo://home");
  EXPECT_EQ(accepted("  demo://clock  "), "demo://clock");
  EXPECT_EQ(accepted("demo://exit?code=7"), "demo://exit?code=7");
  EXPECT_EQ(accepted("https://example.com/x"), "https://example.com/x");
  EXPECT_EQ(accepted("http://news.example/story/3"), "http://news.example/story/3");
}

TEST(UrlPolicy, AssumesHttpsForTypedHosts) { EXPECT_EQ(accepted("example.com/x"), "https://example.com/x"); }

TEST(UrlPolicy, RejectsMalformedInputWithAClearMessage) {
  EXPECT_TRUE(rejected(""));
  EXPECT_TRUE(rejected("not a url"));
  EXPECT_TRUE(rejected("hello"));
  EXPECT_TRUE(rejected("demo://"));
  EXPECT_TRUE(rejected("https://"));
  EXPECT_TRUE(rejected("file:///etc/passwd"));
  EXPECT_TRUE(rejected("javascript://alert"));
  EXPECT_TRUE(rejected("https://exa mple.com"));
  EXPECT_TRUE(rejected("https://" + QString(9000, 'a') + ".com"));
  auto result = parseUrl("not a url");
  EXPECT_TRUE(std::get<UrlError>(result).message.contains("not a URL"));
}

}  // namespace
}  // namespace sb::browser
