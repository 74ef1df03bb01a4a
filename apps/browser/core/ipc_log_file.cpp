#include "apps/browser/core/ipc_log_file.h"

#include <google/protobuf/util/json_util.h>

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>
#include <QVariant>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <limits>
#include <ostream>

#include "apps/browser/core/ipc_record_format.h"
#include "apps/browser/core/process_host.h"

namespace sb::browser {
namespace {

constexpr uint64_t kMaxJsonInteger = std::numeric_limits<qint64>::max();

// JSON numbers are exact here up to int64; a larger uint64 (a hostile child's seq) goes as its
// decimal string, as Protobuf's JSON does, rather than wrapping negative or losing digits.
QJsonValue exactUnsigned(uint64_t value) {
  if (value <= kMaxJsonInteger) return static_cast<qint64>(value);
  return QString::number(value);
}

std::string compactJson(const QJsonObject& object) {
  return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

std::string base64(const std::string& bytes) {
  return QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()))
      .toBase64()
      .toStdString();
}

// True when the body's JSON, parsed and serialized again, gives back exactly `payload`: the
// payload is canonical and has no fields outside the schema (JSON has no names for those).
bool jsonKeepsPayload(const wire::Envelope& envelope, const std::string& payload) {
  wire::Envelope known = envelope;
  known.DiscardUnknownFields();
  return known.SerializeAsString() == payload;
}

const QSet<QString>& knownKeys() {
  static const QSet<QString> keys = {"index", "t_ns",       "dir",   "pid",           "process",
                                     "tab",   "kind",       "bytes", "seq",           "reply_to",
                                     "note",  "latency_ns", "body",  "payload_base64"};
  return keys;
}

std::optional<wire::ProcessKind> processKindFromName(const std::string& name) {
  const auto* kinds = wire::ProcessKind_descriptor();
  for (int i = 0; i < kinds->value_count(); ++i) {
    const auto kind = static_cast<wire::ProcessKind>(kinds->value(i)->number());
    if (name == processKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::string processKindNames() {
  std::string names;
  const auto* kinds = wire::ProcessKind_descriptor();
  for (int i = 0; i < kinds->value_count(); ++i) {
    const std::string name =
        processKindName(static_cast<wire::ProcessKind>(kinds->value(i)->number()));
    if (names.find(name) != std::string::npos) continue;
    names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

enum class Presence { kRequired, kOptional };

// Reads the fields of one line's object; the first problem becomes the line's error.
class Fields {
 public:
  explicit Fields(const QJsonObject& object) : object_(object) {}

  bool unsigned64(const char* key, uint64_t* out) {
    const QJsonValue value = object_.value(key);
    if (!present(key, value)) return false;
    if (value.isString()) {
      // Decimal digits only: from_chars would stop quietly at a stray character.
      const std::string text = value.toString().toStdString();
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
      if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return true;
    } else if (isInteger(value) && value.toInteger() >= 0) {
      *out = static_cast<uint64_t>(value.toInteger());
      return true;
    }
    return fail(quoted(key) + " must be an integer from 0 to 18446744073709551615 (as a number, " +
                "or a decimal string)");
  }

  bool integer(const char* key, qint64 min, qint64 max, qint64* out) {
    const QJsonValue value = object_.value(key);
    if (!present(key, value)) return false;
    if (isInteger(value) && value.toInteger() >= min && value.toInteger() <= max) {
      *out = value.toInteger();
      return true;
    }
    return fail(quoted(key) + " must be an integer from " + std::to_string(min) + " to " +
                std::to_string(max));
  }

  bool string(const char* key, std::string* out, Presence presence = Presence::kRequired) {
    const QJsonValue value = object_.value(key);
    if (value.isUndefined() && presence == Presence::kOptional) return true;
    if (!present(key, value)) return false;
    if (!value.isString()) return fail(quoted(key) + " must be a string");
    *out = value.toString().toStdString();
    return true;
  }

  bool fail(std::string error) {
    error_ = std::move(error);
    return false;
  }
  const std::string& error() const { return error_; }

 private:
  static std::string quoted(const char* key) { return std::string("\"") + key + "\""; }

  // Qt keeps a JSON number that is a whole number within int64 as an integer, anything else
  // (1.5, 1e30, beyond int64) as a double.
  static bool isInteger(const QJsonValue& value) {
    return value.isDouble() && value.toVariant().userType() == QMetaType::LongLong;
  }

  bool present(const char* key, const QJsonValue& value) {
    return !value.isUndefined() || fail("missing " + quoted(key));
  }

  const QJsonObject& object_;
  std::string error_;
};

// The payload from "body" and "payload_base64": the exact bytes when given, else the body
// serialized. When both are given they must agree, so an edited body is not silently ignored.
bool readPayload(const QJsonObject& object, IpcRecord* record, Fields* fields) {
  const QJsonValue body = object.value("body");
  const QJsonValue raw = object.value("payload_base64");
  std::optional<std::string> exact;
  if (!raw.isUndefined()) {
    if (!raw.isString()) return fields->fail("\"payload_base64\" must be a string");
    const auto decoded = QByteArray::fromBase64Encoding(raw.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return fields->fail("\"payload_base64\" is not valid base64");
    exact = decoded.decoded.toStdString();
  }
  if (body.isUndefined()) {
    if (exact) record->payload = std::make_shared<const std::string>(std::move(*exact));
    return true;
  }
  if (!body.isObject()) return fields->fail("\"body\" must be an object");

  wire::Envelope envelope;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;  // a field the schema lacks means the body is not ours
  const auto status =
      google::protobuf::util::JsonStringToMessage(compactJson(body.toObject()), &envelope, options);
  if (!status.ok()) {
    return fields->fail("body does not fit an Envelope: " + std::string(status.message()));
  }
  std::string serialized = envelope.SerializeAsString();
  if (exact) {
    wire::Envelope from_bytes;
    if (!from_bytes.ParseFromString(*exact) || !jsonKeepsPayload(from_bytes, serialized)) {
      return fields->fail("body does not match \"payload_base64\"");
    }
    serialized = std::move(*exact);
  }
  record->payload = std::make_shared<const std::string>(std::move(serialized));
  return true;
}

bool readMetadata(IpcRecord* record, Fields* fields) {
  qint64 pid = 0, tab = 0;
  uint64_t bytes = 0;
  std::string dir, process;
  if (!fields->unsigned64("index", &record->index) ||
      !fields->unsigned64("t_ns", &record->time_ns) || !fields->string("dir", &dir) ||
      !fields->integer("pid", std::numeric_limits<pid_t>::min(), std::numeric_limits<pid_t>::max(),
                       &pid) ||
      !fields->string("process", &process) ||
      !fields->integer("tab", 0, std::numeric_limits<uint32_t>::max(), &tab) ||
      !fields->string("kind", &record->kind) || !fields->unsigned64("bytes", &bytes) ||
      !fields->unsigned64("seq", &record->seq) ||
      !fields->unsigned64("reply_to", &record->reply_to) ||
      !fields->unsigned64("latency_ns", &record->latency_ns) ||
      !fields->string("note", &record->note, Presence::kOptional)) {
    return false;
  }
  if (dir != "in" && dir != "out") return fields->fail("\"dir\" must be \"in\" or \"out\"");
  const auto kind = processKindFromName(process);
  if (!kind) return fields->fail("\"process\" must be one of " + processKindNames());
  record->incoming = dir == "in";
  record->pid = static_cast<pid_t>(pid);
  record->process_kind = *kind;
  record->tab_id = static_cast<uint32_t>(tab);
  record->bytes = static_cast<size_t>(bytes);
  return true;
}

}  // namespace

QJsonObject ipcRecordJson(const IpcRecord& record) {
  QJsonObject object{{"index", exactUnsigned(record.index)},
                     {"t_ns", exactUnsigned(record.time_ns)},
                     {"dir", record.incoming ? "in" : "out"},
                     {"pid", static_cast<qint64>(record.pid)},
                     {"process", QLatin1String(processKindName(record.process_kind))},
                     {"tab", static_cast<qint64>(record.tab_id)},
                     {"kind", QString::fromStdString(record.kind)},
                     {"bytes", exactUnsigned(record.bytes)},
                     {"seq", exactUnsigned(record.seq)},
                     {"reply_to", exactUnsigned(record.reply_to)}};
  if (!record.note.empty()) object["note"] = QString::fromStdString(record.note);
  return object;
}

std::string ipcRecordLine(const IpcRecord& record, size_t max_line_bytes) {
  QJsonObject object = ipcRecordJson(record);
  object["latency_ns"] = exactUnsigned(record.latency_ns);
  std::string head = compactJson(object);
  head.pop_back();  // the closing brace: body and payload follow as raw JSON text

  std::string body, raw;
  if (record.payload) {
    DecodedEnvelope decoded = decodeEnvelope(record.payload);
    std::optional<std::string> json;
    if (decoded.envelope) json = envelopeToJson(*decoded.envelope, JsonStyle::kCompact);
    if (json) body = ",\"body\":" + *json;
    if (!json || !jsonKeepsPayload(*decoded.envelope, *record.payload)) {
      raw = ",\"payload_base64\":\"" + base64(*record.payload) + "\"";
    }
  }
  // A body whose JSON is too long for a reader (escaped text can be six times its bytes) is left
  // out; the exact bytes still travel, so nothing is lost.
  if (head.size() + body.size() + raw.size() + 2 > max_line_bytes && !body.empty()) {
    body.clear();
    if (raw.empty()) raw = ",\"payload_base64\":\"" + base64(*record.payload) + "\"";
  }
  return head + body + raw + "}\n";
}

std::optional<IpcRecord> parseIpcRecordLine(std::string_view line, std::string* error) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  auto failed = [&](std::string why) {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (line.empty()) return failed("empty line");

  QJsonParseError parse_error;
  const QJsonDocument document = QJsonDocument::fromJson(
      QByteArray::fromRawData(line.data(), static_cast<qsizetype>(line.size())), &parse_error);
  if (parse_error.error != QJsonParseError::NoError) {
    return failed("not JSON: " + parse_error.errorString().toStdString() + " at byte " +
                  std::to_string(parse_error.offset));
  }
  if (!document.isObject()) return failed("not a JSON object");
  const QJsonObject object = document.object();
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!knownKeys().contains(it.key()))
      return failed("unknown key \"" + it.key().toStdString() + "\"");
  }

  IpcRecord record;
  Fields fields(object);
  if (!readMetadata(&record, &fields) || !readPayload(object, &record, &fields)) {
    return failed(fields.error());
  }
  return record;
}

bool writeIpcRecord(std::ostream& out, const IpcRecord& record) {
  const std::string line = ipcRecordLine(record);
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  return static_cast<bool>(out);
}

bool writeIpcRecord(QIODevice& out, const IpcRecord& record) {
  const std::string line = ipcRecordLine(record);
  return out.write(line.data(), static_cast<qint64>(line.size())) ==
         static_cast<qint64>(line.size());
}

std::vector<IpcRecord> allRecords(const IpcLog& log) { return log.since(0, log.size()); }

IpcLogContents readIpcLog(std::istream& in, const IpcLogReadOptions& options) {
  IpcLogContents contents;
  size_t number = 0;
  size_t bad_lines = 0;
  std::string line;
  bool too_long = false;  // the rest of this line is skipped, not buffered

  auto finishLine = [&] {
    ++number;
    std::string why;
    if (too_long) {
      why = "longer than " + std::to_string(options.max_line_bytes) + " bytes";
    } else if (auto record = parseIpcRecordLine(line, &why)) {
      contents.records.push_back(std::move(*record));
    }
    if (!why.empty() && ++bad_lines <= options.max_errors) {
      contents.errors.push_back("line " + std::to_string(number) + ": " + why);
    }
    line.clear();
    too_long = false;
  };

  std::string chunk(64 * 1024, '\0');
  bool pending = false;  // bytes of a last line without a newline
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    std::string_view data(chunk.data(), static_cast<size_t>(in.gcount()));
    while (!data.empty()) {
      const size_t newline = data.find('\n');
      const std::string_view part = data.substr(0, newline);
      if (!too_long) {
        if (line.size() + part.size() > options.max_line_bytes) {
          too_long = true;
          line.clear();
        } else {
          line.append(part);
        }
      }
      pending = newline == std::string_view::npos;
      if (pending) break;
      finishLine();
      data.remove_prefix(newline + 1);
    }
  }
  if (pending) finishLine();
  if (bad_lines > options.max_errors) {
    contents.errors.push_back(std::to_string(bad_lines - options.max_errors) +
                              " more bad lines not listed");
  }
  if (in.bad()) contents.failure = "read failed after line " + std::to_string(number);
  return contents;
}

IpcLogContents readIpcLogFile(const std::string& path, const IpcLogReadOptions& options) {
  IpcLogContents contents;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    contents.failure = "cannot read " + path + ": it is a directory";
    return contents;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    contents.failure = "cannot open " + path + ": " + std::strerror(errno);
    return contents;
  }
  contents = readIpcLog(in, options);
  if (!contents.failure.empty()) contents.failure = path + ": " + contents.failure;
  return contents;
}

}  // namespace sb::browser
