#pragma once

#include <cstdint>
#include <string_view>

#include "apps/renderer/layout/page_builder.h"

namespace sb::renderer {

// Pieces several built-in pages share, so they look like one family.

// The small coloured line above a title, the title and an optional lead paragraph.
void addMasthead(PageBuilder& builder, std::string_view kicker, std::string_view title,
                 std::string_view lead, uint32_t kicker_argb);

// A white rounded card; everything until endBox() goes inside.
void beginCard(PageBuilder& builder);

// A card that is one big link: the href in link style, then a one-line description.
void addLinkCard(PageBuilder& builder, std::string_view href, std::string_view description);

// A coloured box with a bold first line, for "this is about to happen" messages.
void addNotice(PageBuilder& builder, std::string_view heading, std::string_view text,
               uint32_t ink_argb, uint32_t fill_argb);

// A rounded bar filled to `fraction` (0..1) of the column width.
void addProgressBar(PageBuilder& builder, double fraction, uint32_t fill_argb);

// The size of an embedded plugin box on the demo pages; narrower when the column is.
inline constexpr int kPluginBoxWidth = 560;
inline constexpr int kPluginBoxHeight = 160;

// A plugin box at the cursor (kPluginBoxWidth x kPluginBoxHeight at most, left-aligned) over a
// grey backdrop that says which plugin is coming; the browser paints the plugin's frames, or its
// "plugin crashed" placeholder, on top. Returns the box in page coordinates.
Rect addPluginBox(PageBuilder& builder, std::string_view type, uint32_t box_id);

// A hairline and "Rendered by renderer pid N".
void addFooter(PageBuilder& builder, int pid);

}  // namespace sb::renderer
