#include "apps/renderer/content/fake_page_generator.h"

#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "apps/renderer/content/picture_generator.h"
#include "apps/renderer/content/prng.h"
#include "apps/renderer/layout/color.h"
#include "apps/renderer/text/url.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

// The fixed vocabulary. Nouns take a plain "s" in the plural; verbs list their forms.
constexpr std::array kAdjectives = {
    "quiet",   "careful", "bright", "distant", "patient",  "curious", "modest",   "gentle",
    "sturdy",  "hidden",  "narrow", "early",   "restless", "golden",  "steady",   "clever",
    "ancient", "tidy",    "humble", "remote",  "silver",   "sudden",  "friendly", "lasting"};
constexpr std::array kNouns = {"harbour", "engine",   "garden",   "lantern", "river",   "signal",
                               "window",  "bridge",   "market",   "archive", "server",  "village",
                               "beacon",  "kettle",   "orchard",  "tunnel",  "sandbox", "letter",
                               "island",  "workshop", "mountain", "tower",   "machine", "meadow"};
struct Verb {
  const char* base;
  const char* third_person;
  const char* past;
};
constexpr std::array kVerbs = {
    Verb{"follow", "follows", "followed"},   Verb{"measure", "measures", "measured"},
    Verb{"repair", "repairs", "repaired"},   Verb{"explore", "explores", "explored"},
    Verb{"guard", "guards", "guarded"},      Verb{"gather", "gathers", "gathered"},
    Verb{"visit", "visits", "visited"},      Verb{"answer", "answers", "answered"},
    Verb{"isolate", "isolates", "isolated"}, Verb{"restart", "restarts", "restarted"},
    Verb{"observe", "observes", "observed"}, Verb{"carry", "carries", "carried"}};
constexpr std::array kAdverbs = {"slowly",  "quietly", "rarely", "gladly",  "always",
                                 "briefly", "calmly",  "often",  "eagerly", "wisely"};
constexpr std::array kPrepositions = {"near", "beyond", "under", "behind", "across", "beside"};

constexpr size_t kMaxTitleBytes = 120;
constexpr size_t kMaxShownUrlBytes = 160;
constexpr size_t kMaxAuthorityBytes = 200;  // longer hosts are not used to build links

template <typename Array>
auto pick(SeededRandom& random, const Array& words) {
  return words[static_cast<size_t>(random.between(0, static_cast<int>(words.size()) - 1))];
}

std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

std::string plural(std::string_view noun) { return std::string(noun) + "s"; }

// "a" or "an" for the word that follows; the vocabulary has no tricky cases like "hour".
std::string article(std::string_view word) {
  if (word.empty()) return "a";
  const char first = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return std::string_view("aeiou").find(first) != std::string_view::npos ? "an" : "a";
}

std::string sentence(SeededRandom& random) {
  const std::string adj1 = pick(random, kAdjectives), adj2 = pick(random, kAdjectives);
  const std::string noun1 = pick(random, kNouns), noun2 = pick(random, kNouns);
  const std::string noun3 = pick(random, kNouns);
  const Verb verb = pick(random, kVerbs);
  const std::string adverb = pick(random, kAdverbs);
  switch (random.between(0, 6)) {
    case 0:
      return "The " + adj1 + " " + noun1 + " " + verb.past + " the " + noun2 + " " +
             pick(random, kPrepositions) + " the " + adj2 + " " + noun3 + ".";
    case 1:
      return capitalized(adj1) + " " + plural(noun1) + " " + adverb + " " + verb.base +
             " without " + article(adj2) + " " + adj2 + " " + noun2 + ".";
    case 2:
      return "Every " + noun1 + " " + verb.third_person + " " + article(noun2) + " " + noun2 +
             ", and the " + noun2 + " " + verb.third_person + " back.";
    case 3:
      return "In the " + adj1 + " " + noun1 + ", " + plural(noun2) + " " + verb.base + " " +
             adverb + ".";
    case 4:
      return "Nobody expected the " + noun1 + " to " + verb.base + " the " + noun2 + " so " +
             adverb + ".";
    case 5:
      return capitalized(article(adj1)) + " " + adj1 + " " + noun1 + " is still " + article(noun1) +
             " " + noun1 + ", but " + article(adj2) + " " + adj2 + " one.";
    default:
      return capitalized(plural(noun1)) + " " + verb.base + " " + adverb + " when the " + noun2 +
             " is " + adj1 + ".";
  }
}

std::string paragraph(SeededRandom& random) {
  std::string text;
  const int sentences = random.between(3, 5);
  for (int i = 0; i < sentences; ++i) {
    if (i > 0) text += ' ';
    text += sentence(random);
  }
  return text;
}

std::string headline(SeededRandom& random) {
  const std::string adj = capitalized(pick(random, kAdjectives));
  const std::string noun = capitalized(pick(random, kNouns));
  const std::string other = capitalized(pick(random, kNouns));
  const std::string verb = capitalized(pick(random, kVerbs).third_person);
  const std::string adverb = capitalized(pick(random, kAdverbs));
  switch (random.between(0, 2)) {
    case 0:
      return adj + " " + plural(noun) + " and the " + other;
    case 1:
      return "Why the " + noun + " " + verb + " " + adverb;
    default:
      return "Notes from " + article(adj) + " " + adj + " " + noun;
  }
}

// Links stay on the page's own host; a URL without one (or with an absurd one) links into
// example.com instead.
std::string linkBase(const Url& url) {
  const bool has_host = !url.authority.empty() && url.authority.size() <= kMaxAuthorityBytes &&
                        url.scheme.size() <= 32;
  if (!has_host) return "https://example.com";
  return sanitizeUtf8(url.scheme.empty() ? "https" : url.scheme) + "://" +
         sanitizeUtf8(url.authority);
}

std::vector<FakeLink> linksFor(const Url& url, SeededRandom& random) {
  std::vector<FakeLink> links;
  const std::string base = linkBase(url);
  for (int i = 0; i < 3; ++i) {
    const std::string adj = pick(random, kAdjectives), noun = pick(random, kNouns);
    const int number = random.between(1, 99);
    links.push_back(FakeLink{capitalized(adj) + " " + noun + " #" + std::to_string(number),
                             base + "/" + noun + "/" + adj + "-" + std::to_string(number)});
  }
  links.push_back(FakeLink{"Back to the start page", "demo://home"});
  return links;
}

std::string titleFor(const Url& url, std::string_view raw) {
  std::string title = url.authority + url.path;
  if (title.empty()) title = std::string(raw);
  if (title.empty()) return "Untitled page";
  return ellipsize(sanitizeUtf8(title), kMaxTitleBytes);
}

}  // namespace

FakePageContent generateFakePage(std::string_view raw_url) {
  const uint64_t seed = stableHash(raw_url);
  SeededRandom random(seed);
  const Url url = parseUrl(raw_url);

  FakePageContent content;
  content.title = titleFor(url, raw_url);
  content.heading = headline(random);
  content.shown_url = ellipsize(sanitizeUtf8(raw_url), kMaxShownUrlBytes);
  const double hue = random.between(0, 359);
  content.accent_argb = hslColor(hue, 0.55, 0.40);
  content.background_argb = hslColor(hue, 0.35, 0.97);
  const int paragraphs = random.between(4, 6);
  for (int i = 0; i < paragraphs; ++i) content.paragraphs.push_back(paragraph(random));
  content.picture = generatePicture(256, 112, random.next());
  content.links = linksFor(url, random);
  return content;
}

}  // namespace sb::renderer
