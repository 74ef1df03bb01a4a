#include "apps/tools/ipcdump/dump_table.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "apps/browser/core/ipc_record_format.h"
#include "apps/browser/core/process_host.h"

namespace sb::ipcdump {
namespace {

enum class Align { kLeft, kRight };

struct Column {
  const char* title;
  Align align;
};

// The summary comes last and is not padded: it is the only long column.
constexpr std::array<Column, 10> kColumns = {{{"#", Align::kRight},
                                              {"time s", Align::kRight},
                                              {"dir", Align::kLeft},
                                              {"process", Align::kLeft},
                                              {"tab", Align::kRight},
                                              {"kind", Align::kLeft},
                                              {"bytes", Align::kRight},
                                              {"seq", Align::kRight},
                                              {"latency ms", Align::kRight},
                                              {"summary", Align::kLeft}}};
using Row = std::array<std::string, kColumns.size()>;

// Terminal columns: one per UTF-8 character (the arrows, "…"), not per byte.
size_t width(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string formatted(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

Row cells(const browser::IpcRecord& record, uint64_t origin_ns) {
  const double seconds = record.time_ns >= origin_ns
                             ? static_cast<double>(record.time_ns - origin_ns) / 1e9
                             : -static_cast<double>(origin_ns - record.time_ns) / 1e9;
  std::string summary = browser::bodySummary(record.payload);
  if (record.bad()) summary += "  BAD: " + browser::oneLineText(record.note, 400);
  return {
      std::to_string(record.index),
      formatted("%.6f", seconds),
      record.incoming ? "←" : "→",
      std::string(browser::processKindName(record.process_kind)) + " " + std::to_string(record.pid),
      record.tab_id ? std::to_string(record.tab_id) : "-",
      browser::oneLineText(record.kind, 40),
      std::to_string(record.bytes),
      std::to_string(record.seq),
      record.latency_ns ? formatted("%.3f", static_cast<double>(record.latency_ns) / 1e6) : "",
      std::move(summary)};
}

std::string line(const Row& row, const std::array<size_t, kColumns.size()>& widths) {
  std::string out;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += "  ";
    const std::string padding(widths[i] - std::min(widths[i], width(row[i])), ' ');
    if (i + 1 == row.size()) {
      out += row[i];
    } else if (kColumns[i].align == Align::kRight) {
      out += padding + row[i];
    } else {
      out += row[i] + padding;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

// The body's text format, indented under its row.
std::string indentedBody(const browser::IpcRecord& record) {
  const std::string text = browser::bodyAsText(record.payload);
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += "    " + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string formatTable(const std::vector<const browser::IpcRecord*>& rows, uint64_t origin_ns,
                        Bodies bodies) {
  Row header;
  std::array<size_t, kColumns.size()> widths{};
  for (size_t i = 0; i < kColumns.size(); ++i) {
    header[i] = kColumns[i].title;
    widths[i] = width(header[i]);
  }
  std::vector<Row> table;
  table.reserve(rows.size());
  for (const browser::IpcRecord* record : rows) {
    table.push_back(cells(*record, origin_ns));
    for (size_t i = 0; i < kColumns.size(); ++i)
      widths[i] = std::max(widths[i], width(table.back()[i]));
  }

  std::string out = line(header, widths);
  for (size_t r = 0; r < table.size(); ++r) {
    out += line(table[r], widths);
    if (bodies == Bodies::kShown) out += indentedBody(*rows[r]);
  }
  return out;
}

}  // namespace sb::ipcdump
