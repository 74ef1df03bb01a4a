#include <memory>
#include <string>

#include "apps/renderer/content/fake_page_generator.h"
#include "apps/renderer/layout/color.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

// Any URL that is not a demo page: content generated from the URL once, laid out on demand.
class FakePage final : public Page {
 public:
  explicit FakePage(std::string_view url) : content_(generateFakePage(url)) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    const uint32_t accent = content_.accent_argb;

    builder.beginBox(BoxStyle{.fill = accent, .radius = theme::kRadius, .padding = 14});
    builder.text(content_.title, TextStyle{.pixel_size = 15, .argb = 0xFFFFFFFF, .bold = true});
    builder.endBox();
    builder.space(22);

    builder.text(content_.heading, TextStyle{.pixel_size = 32, .argb = theme::kInk, .bold = true});
    builder.space(6);
    builder.text(content_.shown_url, theme::kCode);
    builder.space(18);
    // At most twice its size: scaled further, the generated picture turns blocky.
    builder.image(content_.picture, 2 * content_.picture.width());
    builder.space(20);
    for (const std::string& paragraph : content_.paragraphs) {
      builder.text(paragraph, TextStyle{.pixel_size = 16, .argb = theme::kInk});
      builder.space(14);
    }

    builder.space(8);
    builder.beginBox(BoxStyle{.fill = mixColor(content_.background_argb, 0xFFFFFFFF, 0.6),
                              .border = mixColor(accent, 0xFFFFFFFF, 0.7),
                              .radius = theme::kRadius,
                              .padding = theme::kPadding});
    builder.text("More on this site", theme::kSubheading);
    builder.space(8);
    TextStyle link_style = theme::kLinkText;
    link_style.argb = accent;
    for (const FakeLink& link : content_.links) {
      builder.link(link.text, link.href, link_style);
      builder.space(6);
    }
    builder.endBox();
    builder.space(22);
    builder.text(
        "A deterministic fake page: everything here was generated from the URL, and the "
        "same URL always gives the same page.",
        theme::kSmall);
    return builder.finish(content_.title, content_.background_argb);
  }

 private:
  FakePageContent content_;
};

}  // namespace

std::unique_ptr<Page> makeFakePage(std::string_view url) { return std::make_unique<FakePage>(url); }

}  // namespace sb::renderer
