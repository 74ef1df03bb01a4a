#pragma once

#include <memory>
#include <string_view>

#include "apps/renderer/page.h"
#include "apps/renderer/page_services.h"
#include "apps/renderer/restricted_services.h"

namespace sb::renderer {

// The page for a URL: a built-in demo:// page, "Page not found" for an unknown demo:// name or an
// empty URL, and a generated fake page for anything else. Never fails. Only demo://sandbox and
// demo://badipc are given `restricted`.
std::unique_ptr<Page> createPage(std::string_view url, const PageServices& services,
                                 const RestrictedServices& restricted);

}  // namespace sb::renderer
