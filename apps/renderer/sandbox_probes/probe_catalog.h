#pragma once

#include <span>
#include <string_view>

#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// One row of demo://sandbox: the operation as the table names it and what an attacker would
// want from it.
struct ProbeInfo {
  ProbeId id;
  std::string_view operation;
  std::string_view goal;
};

// Every probe, in the order of ProbeId.
std::span<const ProbeInfo> probeCatalog();

}  // namespace sb::renderer
