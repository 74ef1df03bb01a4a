#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "apps/renderer/content/picture_generator.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

struct Story {
  std::string_view headline;
  std::string_view summary;
  int minutes;
};

constexpr std::array kStories = {
    Story{"Renderer survives its ten thousandth crash, asks for a raise",
          "A browser watched its renderers fall over all week and never lost a tab strip. "
          "Engineers credit the process boundary; the renderer credits itself.",
          3},
    Story{"Sandboxed process politely declines to open your home directory",
          "Seccomp, Landlock and a user namespace agreed for once. The file system was not "
          "available for comment.",
          4},
    Story{"Study finds most web pages are rectangles, text and a few links",
          "Researchers drew every page of the day with four kinds of display item and noticed "
          "nothing missing. Critics point at the gradients.",
          5},
    Story{"Why your tab froze: a field guide to busy loops",
          "A loop that never yields also never answers a ping. Here is how a browser tells a slow "
          "page from a stuck one, and what it does next.",
          7},
    Story{"Message arrives exactly on time, sources say",
          "A length-prefixed frame crossed a Unix socket in under ten microseconds. Its sequence "
          "number was one higher than the last, as promised.",
          2},
};

constexpr int kThumbWidth = 96;
constexpr int kThumbHeight = 72;
// The narrowest text column worth putting beside a picture.
constexpr int kSideBySideMinWidth = 280;

std::string storyUrl(size_t index) {
  return "https://news.example/story/" + std::to_string(index + 1);
}

void addStoryText(PageBuilder& builder, size_t index, const Story& story) {
  builder.link(story.headline, storyUrl(index),
               TextStyle{.pixel_size = 19, .argb = theme::kInk, .bold = true});
  builder.space(6);
  builder.text(story.summary, theme::kBody);
  builder.space(6);
  builder.text("Story " + std::to_string(index + 1) + " \xC2\xB7 " + std::to_string(story.minutes) +
                   " min read",
               theme::kSmall);
}

// A card with a picture at its natural size (crisp) on the left and `addText`'s blocks on the
// right; on a narrow column the picture goes above the text instead.
template <typename AddText>
void addMediaCard(PageBuilder& builder, wire::Image picture, AddText addText) {
  beginCard(builder);
  const Column column = builder.column();
  const int width = picture.width(), height = picture.height();
  if (column.width < kSideBySideMinWidth + width) {
    builder.image(std::move(picture), width);
    builder.space(10);
    addText();
  } else {
    const int top = builder.y();
    builder.imageAt(Rect{column.left, top, width, height}, std::move(picture));
    builder.setColumn(Column{column.left + width + 16, column.width - width - 16});
    addText();
    builder.setColumn(column);
    builder.setY(std::max(builder.y(), top + height));
  }
  builder.endBox();
  builder.space(theme::kGap);
}

void addWeather(PageBuilder& builder) {
  addMediaCard(builder, generatePicture(200, 100, 42), [&builder] {
    builder.text("Weather over the sandbox", theme::kSubheading);
    builder.space(6);
    builder.text(
        "Calm, with scattered restarts in the afternoon. Renderers may crash; the "
        "browser stays dry.",
        theme::kBody);
  });
}

class NewsPage final : public Page {
 public:
  explicit NewsPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "THE SANDBOX TIMES", "Today's front page",
                "All the news that fits in a display list. Every headline opens a generated story.",
                theme::kDanger);
    addWeather(builder);
    builder.space(12);
    builder.text("Top stories", theme::kHeading);
    builder.space(10);
    for (size_t i = 0; i < kStories.size(); ++i) {
      addMediaCard(builder, generatePicture(kThumbWidth, kThumbHeight, 1000 + i),
                   [&] { addStoryText(builder, i, kStories[i]); });
    }
    addFooter(builder, pid_);
    return builder.finish("The Sandbox Times", theme::kPaper);
  }

 private:
  int pid_;
};

}  // namespace

std::unique_ptr<Page> makeNewsPage(const PageServices& services) {
  return std::make_unique<NewsPage>(services.pid);
}

}  // namespace sb::renderer
