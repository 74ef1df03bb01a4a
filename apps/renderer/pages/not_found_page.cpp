#include <memory>
#include <string>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

constexpr size_t kMaxShownUrlBytes = 300;

class NotFoundPage final : public Page {
 public:
  explicit NotFoundPage(std::string_view url)
      : url_(ellipsize(sanitizeUtf8(url), kMaxShownUrlBytes)) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "ERROR 404", "Page not found", "", theme::kDanger);
    beginCard(builder);
    if (url_.empty()) {
      builder.text("The URL is empty, so there is nothing to show.", theme::kBody);
    } else {
      builder.text("There is no page at this address:", theme::kBody);
      builder.space(8);
      builder.text(url_, TextStyle{.pixel_size = 15, .argb = theme::kInk, .monospace = true});
    }
    builder.space(14);
    builder.link("Go to the start page (demo://home)", "demo://home", theme::kLinkText);
    builder.endBox();
    return builder.finish("Page not found", theme::kPaper);
  }

 private:
  std::string url_;
};

}  // namespace

std::unique_ptr<Page> makeNotFoundPage(std::string_view url) {
  return std::make_unique<NotFoundPage>(url);
}

}  // namespace sb::renderer
