#pragma once

#include <cstddef>
#include <vector>

#include "apps/tools/ipcbench/kinds.h"

namespace sb::ipcbench {

struct KindsRun {
  std::vector<Kind> kinds;
  std::vector<size_t> sizes;
  bool quick = false;
  bool json = false;
};

// `--kinds`: every kind at every size, one after the other, then one table (or JSON rows).
// 0 when every kind ran and every byte arrived intact, 1 otherwise (the reasons on stderr).
int runKinds(const KindsRun& run);

}  // namespace sb::ipcbench
