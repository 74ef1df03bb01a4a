#include "apps/browser/core/site.h"

#include <gtest/gtest.h>

namespace sb::browser {
namespace {

std::string site(const char* url) { return siteOf(QUrl(QString::fromLatin1(url))).toStdString(); }

TEST(Site, WebHostsGroupByTheirLastTwoLabels) {
  EXPECT_EQ(site("https://news.example.com/story/1"), "https://example.com");
  EXPECT_EQ(site("https://www.example.com/"), "https://example.com");
  EXPECT_EQ(site("https://a.b.c.example.com"), "https://example.com");
  EXPECT_EQ(site("https://example.com"), "https://example.com");
  EXPECT_NE(site("https://example.org"), site("https://example.com"));
}

TEST(Site, TheSchemeCountsThePortAndPathDoNot) {
  EXPECT_EQ(site("http://www.example.com"), "http://example.com");
  EXPECT_NE(site("http://example.com"), site("https://example.com"));
  EXPECT_EQ(site("https://example.com:8443/a?b#c"), "https://example.com");
  EXPECT_EQ(site("https://news.example.com:1"), site("https://example.com:2"));
}

TEST(Site, HostsAreCaseInsensitiveAndATrailingDotIsTheSameHost) {
  EXPECT_EQ(site("HTTPS://News.EXAMPLE.com"), "https://example.com");
  EXPECT_EQ(site("https://www.example.com./"), "https://example.com");
}

TEST(Site, AnIpAddressIsItsOwnSite) {
  EXPECT_EQ(site("http://10.0.0.7:8080/x"), "http://10.0.0.7");
  EXPECT_NE(site("http://10.0.0.7"), site("http://10.0.1.7"));
  EXPECT_EQ(site("http://[::1]:8080/"), "http://[::1]");
  EXPECT_EQ(site("https://[2001:db8::1]/"), "https://[2001:db8::1]");
}

TEST(Site, ASingleLabelHostIsItsOwnSite) {
  EXPECT_EQ(site("https://intranet/wiki"), "https://intranet");
  EXPECT_EQ(site("http://localhost:3000"), "http://localhost");
}

// No public-suffix list: documented in site.h, pinned here so a change to it is deliberate.
TEST(Site, PublicSuffixesAreNotKnown) {
  EXPECT_EQ(site("https://news.bbc.co.uk"), "https://co.uk");
  EXPECT_EQ(site("https://shop.amazon.co.uk"), site("https://news.bbc.co.uk"));
}

TEST(Site, EachDemoPageIsItsOwnSiteWhateverItsQuery) {
  EXPECT_EQ(site("demo://clock"), "demo://clock");
  EXPECT_EQ(site("demo://clock?x=1"), "demo://clock");
  EXPECT_EQ(site("demo://news"), "demo://news");
  EXPECT_NE(site("demo://news"), site("demo://clock"));
  EXPECT_EQ(site("demo://Clock"), "demo://clock");
}

TEST(Site, UrlsWithoutASiteGiveNone) {
  EXPECT_EQ(site(""), "");
  EXPECT_EQ(site("not a url"), "");
  EXPECT_EQ(site("file:///etc/passwd"), "");
  EXPECT_EQ(site("ftp://example.com/"), "");
  EXPECT_EQ(site("https://"), "");
  EXPECT_EQ(site("demo://"), "");
  EXPECT_EQ(site("http://[::1"), "");  // invalid
}

}  // namespace
}  // namespace sb::browser
