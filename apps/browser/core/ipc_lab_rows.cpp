#include "apps/browser/core/ipc_lab_rows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QList>
#include <cmath>
#include <variant>

namespace sb::browser {
namespace {

constexpr qsizetype kMaxTextChars = 200;

bool isMeasure(const QJsonValue& value) {
  return value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() >= 0;
}

// Empty when what one side sent is what the other received, byte for byte.
std::string directionMismatch(const QJsonObject& direction, const char* name) {
  if (direction.isEmpty()) return std::string("no ") + name + " checksums";
  if (direction.value("sent_bytes") != direction.value("received_bytes")) {
    return std::string(name) + ": " + std::to_string(direction.value("sent_bytes").toInteger()) +
           " bytes sent, " + std::to_string(direction.value("received_bytes").toInteger()) +
           " received";
  }
  if (direction.value("sent_checksum") != direction.value("received_checksum")) {
    return std::string(name) + ": checksums differ";
  }
  return {};
}

// One line into one row, or the reason it is not one.
std::variant<wire::IpcLabRow, std::string> parseRow(const QByteArray& line) {
  QJsonParseError parse_error{};
  const QJsonDocument document = QJsonDocument::fromJson(line, &parse_error);
  if (parse_error.error != QJsonParseError::NoError || !document.isObject()) {
    return "not a JSON object (" + parse_error.errorString().toStdString() + ")";
  }
  const QJsonObject object = document.object();
  const QJsonValue bytes = object.value("bytes");
  if (!object.value("kind").isString() || object.value("kind").toString().isEmpty()) return std::string("no kind");
  if (!isMeasure(bytes) || bytes.toDouble() < 1 || bytes.toDouble() > (1u << 30)) return std::string("no message size");
  if (!object.value("ok").isBool()) return std::string("no ok field");

  wire::IpcLabRow row;
  row.set_kind(object.value("kind").toString().left(kMaxTextChars).toStdString());
  row.set_label(object.value("label").toString().left(kMaxTextChars).toStdString());
  row.set_message_bytes(static_cast<uint32_t>(bytes.toDouble()));
  std::string error = object.value("error").toString().left(kMaxTextChars).toStdString();
  bool ok = object.value("ok").toBool() && error.empty();
  if (ok) {
    for (const char* field : {"p50_us", "p99_us", "mib_per_s"}) {
      if (!isMeasure(object.value(field))) error = std::string("no ") + field;
    }
    if (error.empty()) error = directionMismatch(object.value("to_peer").toObject(), "to the peer");
    if (error.empty()) error = directionMismatch(object.value("from_peer").toObject(), "from the peer");
    ok = error.empty();
  } else if (error.empty()) {
    error = "did not run";
  }
  row.set_ok(ok);
  row.set_error(error);
  if (ok) {
    row.set_p50_us(object.value("p50_us").toDouble());
    row.set_p99_us(object.value("p99_us").toDouble());
    row.set_mib_per_s(object.value("mib_per_s").toDouble());
  }
  return row;
}

}  // namespace

IpcLabRows parseIpcLabRows(const QByteArray& json_lines) {
  IpcLabRows result;
  if (json_lines.size() > static_cast<qsizetype>(kMaxIpcLabOutputBytes)) {
    result.error = "the benchmark printed more than " + std::to_string(kMaxIpcLabOutputBytes) + " bytes";
    return result;
  }
  int line_number = 0;
  for (const QByteArray& raw : json_lines.split('\n')) {
    ++line_number;
    const QByteArray line = raw.trimmed();
    if (line.isEmpty()) continue;
    auto row = parseRow(line);
    if (auto* error = std::get_if<std::string>(&row)) {
      result.rows.clear();
      result.error = "line " + std::to_string(line_number) + " of the benchmark's output: " + *error;
      return result;
    }
    if (result.rows.size() == kMaxIpcLabRows) {
      result.rows.clear();
      result.error = "the benchmark printed more than " + std::to_string(kMaxIpcLabRows) + " rows";
      return result;
    }
    result.rows.push_back(std::move(std::get<wire::IpcLabRow>(row)));
  }
  if (result.rows.empty()) result.error = "the benchmark printed no results";
  return result;
}

}  // namespace sb::browser
