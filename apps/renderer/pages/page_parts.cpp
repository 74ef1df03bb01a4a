#include "apps/renderer/pages/page_parts.h"

#include <algorithm>
#include <string>

#include "apps/renderer/layout/theme.h"

namespace sb::renderer {

void addMasthead(PageBuilder& builder, std::string_view kicker, std::string_view title,
                 std::string_view lead, uint32_t kicker_argb) {
  TextStyle kicker_style = theme::kSmall;
  kicker_style.argb = kicker_argb;
  kicker_style.bold = true;
  builder.text(kicker, kicker_style);
  builder.space(4);
  builder.text(title, theme::kTitle);
  if (!lead.empty()) {
    builder.space(8);
    builder.text(lead, theme::kLead);
  }
  builder.space(24);
}

void beginCard(PageBuilder& builder) {
  builder.beginBox(BoxStyle{.fill = theme::kCard,
                            .border = theme::kCardBorder,
                            .radius = theme::kRadius,
                            .padding = theme::kPadding});
}

void addLinkCard(PageBuilder& builder, std::string_view href, std::string_view description) {
  const Column column = builder.column();
  const int top = builder.y();
  beginCard(builder);
  builder.text(href, theme::kLinkText);
  builder.space(2);
  builder.text(description, theme::kSmall);
  builder.endBox();
  // The whole card is the link: easier to hit than the text alone.
  builder.linkAt(Rect{column.left, top, column.width, builder.y() - top}, href);
  builder.space(theme::kGap);
}

void addNotice(PageBuilder& builder, std::string_view heading, std::string_view text,
               uint32_t ink_argb, uint32_t fill_argb) {
  builder.beginBox(BoxStyle{.fill = fill_argb,
                            .border = ink_argb,
                            .radius = theme::kRadius,
                            .padding = theme::kPadding + 4});
  TextStyle heading_style = theme::kSubheading;
  heading_style.argb = ink_argb;
  builder.text(heading, heading_style);
  builder.space(6);
  builder.text(text, theme::kBody);
  builder.endBox();
  builder.space(theme::kGap);
}

void addProgressBar(PageBuilder& builder, double fraction, uint32_t fill_argb) {
  constexpr int kHeight = 14;
  const Column column = builder.column();
  const Rect track{column.left, builder.y(), column.width, kHeight};
  builder.fillAt(track, BoxStyle{.fill = theme::kTrack, .radius = kHeight / 2});
  const int filled = static_cast<int>(column.width * std::clamp(fraction, 0.0, 1.0));
  if (filled > 0) {
    builder.fillAt(Rect{track.x, track.y, std::max(filled, kHeight), kHeight},
                   BoxStyle{.fill = fill_argb, .radius = kHeight / 2});
  }
  builder.setY(track.bottom());
}

Rect addPluginBox(PageBuilder& builder, std::string_view type, uint32_t box_id) {
  const Column column = builder.column();
  const Rect box{column.left, builder.y(), std::min(column.width, kPluginBoxWidth),
                 kPluginBoxHeight};
  // Seen only until the first plugin frame arrives (or if the browser has no plugin to show).
  builder.fillAt(box, BoxStyle{.fill = theme::kTrack, .border = theme::kCardBorder});
  builder.textAt(Rect{box.x + 12, box.y + 12, std::max(1, box.width - 24), 20},
                 "Waiting for the " + std::string(type) + " plugin\xE2\x80\xA6", theme::kSmall);
  builder.pluginAt(box, type, box_id);
  builder.setY(box.bottom());
  return box;
}

void addFooter(PageBuilder& builder, int pid) {
  builder.space(28);
  const Column column = builder.column();
  builder.fillAt(Rect{column.left, builder.y(), column.width, 1},
                 BoxStyle{.fill = theme::kCardBorder});
  builder.space(12);
  builder.text("Rendered by renderer pid " + std::to_string(pid), theme::kSmall);
}

}  // namespace sb::renderer
