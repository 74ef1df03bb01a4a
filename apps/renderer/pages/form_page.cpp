#include <algorithm>
#include <deque>
#include <memory>
#include <string>

#include "apps/renderer/geometry.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/text_metrics.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

// Bounds that keep the page inside the wire limits however long someone types.
constexpr size_t kMaxFieldBytes = 200;
constexpr size_t kMaxSubmitted = 25;  // older entries are dropped
constexpr int kMaxFieldWidth = 520;
constexpr TextStyle kFieldText{.pixel_size = 18, .argb = theme::kInk};

// Typed text without control characters (newlines, escapes), which a one-line field cannot show.
std::string printable(std::string_view typed) {
  std::string out;
  for (char c : sanitizeUtf8(typed)) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out;
}

class FormPage final : public Page {
 public:
  explicit FormPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(
        builder, "STATE THAT LIVES IN THE RENDERER", "Form",
        "Click the field and type; Backspace deletes, Enter submits. All of this lives only "
        "in this renderer's memory: crash it and the text and the list are gone.",
        theme::kAccent);
    beginCard(builder);
    builder.text("Your message", theme::kSubheading);
    builder.space(8);
    addField(builder);
    builder.space(10);
    builder.text("You typed: " + (text_.empty() ? std::string("(nothing yet)") : text_),
                 theme::kBody);
    builder.endBox();
    builder.space(theme::kGap + 8);

    builder.text("Submitted (" + std::to_string(submitted_.size()) + ")", theme::kHeading);
    builder.space(10);
    if (submitted_.empty()) {
      builder.text("Nothing submitted yet. Press Enter in the field.", theme::kSmall);
    }
    int number = 1;
    for (const std::string& entry : submitted_) {
      builder.beginBox(
          BoxStyle{.fill = theme::kCard, .border = theme::kCardBorder, .radius = 8, .padding = 10});
      builder.text(std::to_string(number++) + ".  " + entry, theme::kBody);
      builder.endBox();
      builder.space(8);
    }
    addFooter(builder, pid_);
    return builder.finish(focused_ ? "Form (typing)" : "Form", theme::kPaper);
  }

  Change click(int x, int y) override {
    const bool inside = field_.contains(x, y);
    if (inside == focused_) return Change::kNone;
    focused_ = inside;
    return Change::kRepaint;
  }

  Change key(const wire::KeyInput& key) override {
    if (key.special() == wire::KeyInput::SPECIAL_TAB) {
      focused_ = !focused_;
      return Change::kRepaint;
    }
    if (!focused_) return Change::kNone;
    switch (key.special()) {
      case wire::KeyInput::SPECIAL_BACKSPACE:
        if (text_.empty()) return Change::kNone;
        popLastCharacter(text_);
        return Change::kRepaint;
      case wire::KeyInput::SPECIAL_ENTER:
        if (text_.empty()) return Change::kNone;
        submitted_.push_back(std::move(text_));
        text_.clear();
        if (submitted_.size() > kMaxSubmitted) submitted_.pop_front();
        return Change::kRepaint;
      default: {
        const std::string typed = printable(key.text());
        if (typed.empty() || text_.size() >= kMaxFieldBytes) return Change::kNone;
        text_ = std::string(utf8Prefix(text_ + typed, kMaxFieldBytes));
        return Change::kRepaint;
      }
    }
  }

 private:
  // The field: a bordered box, highlighted with an accent ring while focused.
  void addField(PageBuilder& builder) {
    const Column column = builder.column();
    const int width = std::min(column.width, kMaxFieldWidth);
    const int inner_width = std::max(1, width - 24);
    const std::string shown = focused_ ? text_ + "|" : text_;
    const int text_height =
        estimateTextHeight(shown.empty() ? "x" : shown, kFieldText, inner_width);
    field_ = Rect{column.left, builder.y(), width, text_height + 24};
    if (focused_) {
      builder.fillAt(Rect{field_.x - 3, field_.y - 3, field_.width + 6, field_.height + 6},
                     BoxStyle{.fill = theme::kAccentSoft, .radius = 11});
    }
    builder.fillAt(field_, BoxStyle{.fill = theme::kCard,
                                    .border = focused_ ? theme::kAccent : theme::kCardBorder,
                                    .radius = 8});
    const Rect text_rect{field_.x + 12, field_.y + 12, inner_width, text_height};
    if (shown.empty()) {
      TextStyle placeholder = kFieldText;
      placeholder.argb = theme::kMuted;
      builder.textAt(text_rect, "Click here and type\xE2\x80\xA6", placeholder);
    } else {
      builder.textAt(text_rect, shown, kFieldText);
    }
    builder.setY(field_.bottom());
  }

  int pid_;
  std::string text_;
  std::deque<std::string> submitted_;
  bool focused_ = false;
  Rect field_;  // where the last layout put the field, for hit-testing clicks
};

}  // namespace

std::unique_ptr<Page> makeFormPage(const PageServices& services) {
  return std::make_unique<FormPage>(services.pid);
}

}  // namespace sb::renderer
