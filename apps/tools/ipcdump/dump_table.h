#pragma once

// The records as an aligned text table, one row per message, optionally with each body under it.

#include <cstdint>
#include <string>
#include <vector>

#include "apps/browser/core/ipc_log.h"

namespace sb::ipcdump {

enum class Bodies { kHidden, kShown };

// Times are shown in seconds since `origin_ns` (the file's first record, so filtering does not
// move them).
std::string formatTable(const std::vector<const browser::IpcRecord*>& rows, uint64_t origin_ns,
                        Bodies bodies);

}  // namespace sb::ipcdump
