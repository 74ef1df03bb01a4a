#pragma once

// IPC log files: JSON Lines, one record per line, written by the inspector's export and read by its
// "open log" and by sandbrowser-ipcdump. The keys are ipc_log's (the control socket's) plus
// "latency_ns" and "body" (the envelope as Protobuf JSON). docs/ipc-protocol.md describes the
// format. Reading keeps every good line and names every bad one: nothing is lost or guessed.

#include <QJsonObject>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <vector>

#include "apps/browser/core/ipc_log.h"

class QIODevice;

namespace sb::browser {

// Large enough for a maximum frame (16 MiB) as base64 twice over; a longer line is not ours.
inline constexpr size_t kMaxIpcLogLineBytes = 64u << 20;

// The record's metadata as ipc_log replies carry it (no latency, no body).
QJsonObject ipcRecordJson(const IpcRecord& record);

// One file line, newline included. A line that would exceed `max_line_bytes` with its body as JSON
// keeps the exact payload as base64 only.
std::string ipcRecordLine(const IpcRecord& record, size_t max_line_bytes = kMaxIpcLogLineBytes);

// The inverse of ipcRecordLine (without the newline); nullopt and the reason for a bad line.
std::optional<IpcRecord> parseIpcRecordLine(std::string_view line, std::string* error);

// Writers return false when the output failed.
bool writeIpcRecord(std::ostream& out, const IpcRecord& record);
bool writeIpcRecord(QIODevice& out, const IpcRecord& record);

// Any range of records: a vector, the inspector's deque, a selection.
template <typename Out, std::ranges::input_range Records>
bool writeIpcLog(Out& out, const Records& records) {
  for (const IpcRecord& record : records) {
    if (!writeIpcRecord(out, record)) return false;
  }
  return true;
}

// Every record the log still holds, oldest first.
std::vector<IpcRecord> allRecords(const IpcLog& log);

struct IpcLogReadOptions {
  size_t max_line_bytes = kMaxIpcLogLineBytes;
  size_t max_errors = 1000;  // past this, bad lines are counted in one last error, not listed
};

struct IpcLogContents {
  std::vector<IpcRecord> records;   // every good line, in file order
  std::vector<std::string> errors;  // one per bad line: "line 7: why"
  std::string failure;              // the file could not be opened or read to its end
};

IpcLogContents readIpcLog(std::istream& in, const IpcLogReadOptions& options = {});
IpcLogContents readIpcLogFile(const std::string& path, const IpcLogReadOptions& options = {});

}  // namespace sb::browser
