#include "apps/browser/core/ipc_record_format.h"

#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/stubs/strutil.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "common/ipc/frame_decoder.h"

namespace sb::browser {
namespace {

namespace pb = google::protobuf;

// Where a cut at `size` would split a UTF-8 sequence, cut before it instead.
size_t utf8Boundary(const std::string& text, size_t size) {
  if (size >= text.size()) return text.size();
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return size;
}

// Prints long string and bytes fields as their start plus a TextFormat comment saying how much is
// not shown, so a 1 MiB image stays one short line. Strings keep their UTF-8 readable.
class AbbreviatingPrinter : public pb::TextFormat::FastFieldValuePrinter {
 public:
  explicit AbbreviatingPrinter(size_t max_field_bytes) : max_(max_field_bytes) {}

  void PrintString(const std::string& value,
                   pb::TextFormat::BaseTextGenerator* out) const override {
    print(value, utf8Boundary(value, max_), pb::strings::Utf8SafeCEscape, out);
  }
  void PrintBytes(const std::string& value, pb::TextFormat::BaseTextGenerator* out) const override {
    print(value, std::min(value.size(), max_), pb::CEscape, out);
  }

 private:
  static void print(const std::string& value, size_t shown,
                    std::string (*escape)(const std::string&),
                    pb::TextFormat::BaseTextGenerator* out) {
    out->PrintLiteral("\"");
    out->PrintString(escape(shown == value.size() ? value : value.substr(0, shown)));
    out->PrintLiteral("\"");
    if (shown < value.size()) {
      out->PrintString(" # " + std::to_string(value.size() - shown) + " more bytes not shown (" +
                       std::to_string(value.size()) + " in all)");
    }
  }

  size_t max_;
};

// Cuts text that exceeds the limit at a character boundary and says so on a line of its own.
std::string bounded(std::string text, size_t limit, const char* what, size_t wire_bytes) {
  if (text.size() <= limit) return text;
  text.resize(utf8Boundary(text, limit));
  text += "\n… " + std::string(what) + " cut at " + std::to_string(limit) + " bytes (the body is " +
          std::to_string(wire_bytes) + " bytes on the wire)\n";
  return text;
}

}  // namespace

DecodedEnvelope decodeEnvelope(const IpcPayload& payload) {
  DecodedEnvelope decoded;
  if (!payload) {
    decoded.error =
        "(body not kept: the log keeps only the metadata of large, old or malformed messages)";
    return decoded;
  }
  wire::Envelope envelope;
  if (!envelope.ParseFromString(*payload)) {
    decoded.error = "(not a valid sb.wire.Envelope: " + std::to_string(payload->size()) +
                    " bytes that do not parse as Protobuf)";
    return decoded;
  }
  decoded.envelope = std::move(envelope);
  return decoded;
}

std::string bodyAsText(const IpcPayload& payload, const FormatLimits& limits) {
  DecodedEnvelope decoded = decodeEnvelope(payload);
  if (!decoded.envelope) return decoded.error;

  pb::TextFormat::Printer printer;
  printer.SetDefaultFieldValuePrinter(new AbbreviatingPrinter(limits.max_field_bytes));
  // A fixed buffer stops the printer once it is full (Next() fails), so a body with a million
  // items costs no more memory than the limit. One byte over the limit tells "full" from "fits".
  const size_t limit = std::min<size_t>(limits.max_text_bytes, std::numeric_limits<int>::max() - 1);
  std::string buffer(limit + 1, '\0');
  pb::io::ArrayOutputStream stream(buffer.data(), static_cast<int>(buffer.size()));
  const bool complete = printer.Print(*decoded.envelope, &stream);
  buffer.resize(static_cast<size_t>(stream.ByteCount()));
  if (complete && buffer.size() <= limit) return buffer;
  return bounded(std::move(buffer), limit, "text", payload->size());
}

std::optional<std::string> envelopeToJson(const wire::Envelope& envelope, JsonStyle style,
                                          std::string* error) {
  pb::util::JsonPrintOptions options;
  options.add_whitespace = style == JsonStyle::kPretty;
  // "display_list", not "displayList": the same names as the record's "kind" and the .proto.
  options.preserve_proto_field_names = true;
  std::string json;
  const auto status = pb::util::MessageToJsonString(envelope, &json, options);
  if (!status.ok()) {
    if (error) *error = std::string(status.message());
    return std::nullopt;
  }
  return json;
}

std::string bodyAsJson(const IpcPayload& payload, JsonStyle style, const FormatLimits& limits) {
  DecodedEnvelope decoded = decodeEnvelope(payload);
  if (!decoded.envelope) return decoded.error;
  std::string error;
  std::optional<std::string> json = envelopeToJson(*decoded.envelope, style, &error);
  if (!json) return "(cannot print as JSON: " + error + ")";
  return bounded(std::move(*json), limits.max_text_bytes, "JSON", payload->size());
}

std::string frameHexDump(const IpcPayload& payload, size_t max_bytes) {
  if (!payload) return decodeEnvelope(payload).error + "\n";
  char header[ipc::kFrameHeaderBytes];
  ipc::encodeFrameHeader(static_cast<uint32_t>(payload->size()), header);
  const size_t total = sizeof(header) + payload->size();
  auto byteAt = [&](size_t i) -> unsigned char {
    return static_cast<unsigned char>(i < sizeof(header) ? header[i]
                                                         : (*payload)[i - sizeof(header)]);
  };

  const size_t shown = std::min(total, max_bytes);
  std::string out;
  out.reserve((shown / 16 + 2) * 80);
  char cell[24];  // "%08zx  " of a 64-bit offset needs up to 19
  for (size_t line = 0; line < shown; line += 16) {
    std::snprintf(cell, sizeof(cell), "%08zx  ", line);
    out += cell;
    std::string ascii;
    for (size_t j = 0; j < 16; ++j) {
      if (j == 8) out += ' ';
      if (line + j < shown) {
        const unsigned char byte = byteAt(line + j);
        std::snprintf(cell, sizeof(cell), "%02x ", byte);
        out += cell;
        ascii += byte >= 0x20 && byte < 0x7f ? static_cast<char>(byte) : '.';
      } else {
        out += "   ";
      }
    }
    out += " |" + ascii + "|\n";
  }
  if (shown < total) {
    out += "… " + std::to_string(total - shown) + " more bytes (" + std::to_string(total) +
           " in the frame)\n";
  }
  return out;
}

}  // namespace sb::browser
