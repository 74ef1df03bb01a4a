#pragma once

// How one logged message is shown: its body decoded as Protobuf text or JSON, the frame as a hex
// dump, and a one-line summary for a table column. Pure functions shared by the IPC inspector and
// sandbrowser-ipcdump, so both show a message the same way.
//
// Every output is bounded: a body may be up to the frame maximum (16 MiB), and selecting it must
// not produce megabytes of text. Where something is cut, the text says what and how much.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "sandbrowser.pb.h"

namespace sb::browser {

// IpcRecord::payload: a serialized Envelope (the frame minus its header), or null when not kept.
using IpcPayload = std::shared_ptr<const std::string>;

struct FormatLimits {
  size_t max_field_bytes = 256;        // a longer string or bytes field shows only its start
  size_t max_text_bytes = 256 * 1024;  // the whole text or JSON
};

enum class JsonStyle { kCompact, kPretty };

struct DecodedEnvelope {
  std::optional<wire::Envelope> envelope;
  std::string error;  // why there is no envelope: not kept, or not a valid Envelope
};

DecodedEnvelope decodeEnvelope(const IpcPayload& payload);

// Protobuf TextFormat of the envelope, or the decode error.
std::string bodyAsText(const IpcPayload& payload, const FormatLimits& limits = {});

// Protobuf JSON (proto field names, as in the log files), or the decode error.
std::string bodyAsJson(const IpcPayload& payload, JsonStyle style = JsonStyle::kPretty,
                       const FormatLimits& limits = {});
// The JSON of an envelope, unbounded (for the log files); nullopt with `error` if it cannot print.
std::optional<std::string> envelopeToJson(const wire::Envelope& envelope, JsonStyle style,
                                          std::string* error = nullptr);

// `hexdump -C` style lines of the whole frame: the 4-byte little-endian length, then the payload.
// At most `max_bytes` are shown; a last line says how many more there are.
std::string frameHexDump(const IpcPayload& payload, size_t max_bytes = 16 * 1024);

// One line for a table: "navigate demo://clock", "display_list 42 items, frame 3 \"Clock\"",
// "log_record warn: text…". Control characters become spaces and long text is cut, so an untrusted
// child's strings cannot break a table row or a terminal.
std::string bodySummary(const wire::Envelope& envelope);
std::string bodySummary(const IpcPayload& payload);

// Untrusted text made safe for one table cell or terminal line: control characters (newlines,
// escape sequences) become spaces; past `max_bytes` it is cut at a character boundary with "…".
std::string oneLineText(const std::string& text, size_t max_bytes = 80);

}  // namespace sb::browser
