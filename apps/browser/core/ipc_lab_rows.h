#pragma once

#include <QByteArray>
#include <string>
#include <vector>

#include "sandbrowser.pb.h"

namespace sb::browser {

// Bounds on what the helper may hand back; a benchmark that prints more is broken.
inline constexpr size_t kMaxIpcLabRows = 64;
inline constexpr size_t kMaxIpcLabOutputBytes = 1 << 20;

struct IpcLabRows {
  std::vector<wire::IpcLabRow> rows;
  std::string error;  // set when the output as a whole is unusable; rows is then empty
};

// Reads `sandbrowser-ipcbench --json` output (one JSON object per line, per kind and size) into
// rows for the page. A row whose byte counts or checksums disagree between the two sides is kept
// with ok false and the reason, so the page shows the failure rather than a number.
IpcLabRows parseIpcLabRows(const QByteArray& json_lines);

}  // namespace sb::browser
