#pragma once

#include <functional>

#include "apps/browser/core/plugin_hosts.h"
#include "sandbrowser.pb.h"

namespace sb::browser {

using PluginContentLookup = std::function<PluginHosts::BoxContent(uint32_t box_id)>;

// The page as it is shown: the renderer's display list with each plugin box's content painted
// right after the box (so later page items still paint over it), translated into the box and
// clipped to it; a crashed plugin's box gets the "click to reload" placeholder. The plugin's
// content never reaches the renderer.
wire::DisplayList composePage(const wire::DisplayList& page, const PluginContentLookup& lookup);

}  // namespace sb::browser
