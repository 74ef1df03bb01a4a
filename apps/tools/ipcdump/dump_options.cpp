#include "apps/tools/ipcdump/dump_options.h"

#include <QCommandLineParser>
#include <limits>

namespace sb::ipcdump {
namespace {

// Whole decimal numbers in a range; "12abc", "", and out-of-range values are refused, not cut.
template <typename T>
std::optional<T> number(const QString& text) {
  bool ok = false;
  const qlonglong value = text.toLongLong(&ok);
  if (!ok || value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max()) {
    return std::nullopt;
  }
  return static_cast<T>(value);
}

}  // namespace

bool DumpOptions::matches(const browser::IpcRecord& record) const {
  return (!kind || record.kind == *kind) && (!pid || record.pid == *pid) &&
         (!tab || record.tab_id == *tab) && (!only_bad || record.bad());
}

std::string usage() {
  return "usage: sandbrowser-ipcdump [options] FILE\n"
         "  Prints an IPC log saved by the inspector (JSON Lines, see docs/ipc-protocol.md) as a\n"
         "  table: index, time in s since the first record, direction (→ browser to child,\n"
         "  ← child to browser), process, tab, kind, bytes on the wire, seq, reply latency in ms,\n"
         "  a summary of the body, and BAD: reason for a bad message. FILE - reads stdin.\n"
         "options:\n"
         "  --kind K    only messages of kind K (display_list, navigate, ...)\n"
         "  --pid N     only messages to or from process N\n"
         "  --tab N     only messages about tab N\n"
         "  --bad       only bad messages\n"
         "  --body      print each message's body (Protobuf text format) under its row\n"
         "  --json      print the selected records as JSON Lines instead of a table\n"
         "  -h, --help  this text\n"
         "exit status: 0 all lines read, 1 some lines were bad (named on stderr; the good ones "
         "are\n"
         "  printed), 2 usage error or unreadable file\n";
}

ParsedCommandLine parseCommandLine(const QStringList& arguments) {
  QCommandLineParser parser;
  const QCommandLineOption kind("kind", "", "K");
  const QCommandLineOption pid("pid", "", "N");
  const QCommandLineOption tab("tab", "", "N");
  const QCommandLineOption bad("bad", "");
  const QCommandLineOption body("body", "");
  const QCommandLineOption json("json", "");
  const QCommandLineOption help(QStringList{"h", "help"}, "");
  parser.addOptions({kind, pid, tab, bad, body, json, help});

  ParsedCommandLine parsed;
  auto fail = [&](const QString& error) {
    parsed.error = error.toStdString();
    return parsed;
  };
  if (!parser.parse(arguments)) return fail(parser.errorText());
  if (parser.isSet(help)) {
    parsed.help = true;
    return parsed;
  }

  DumpOptions options;
  const QStringList files = parser.positionalArguments();
  if (files.size() != 1) return fail(files.isEmpty() ? "no FILE given" : "give one FILE");
  options.file = files.front().toStdString();
  if (parser.isSet(kind)) options.kind = parser.value(kind).toStdString();
  if (parser.isSet(pid)) {
    options.pid = number<pid_t>(parser.value(pid));
    if (!options.pid) return fail("--pid needs a process id, not \"" + parser.value(pid) + "\"");
  }
  if (parser.isSet(tab)) {
    options.tab = number<uint32_t>(parser.value(tab));
    if (!options.tab) return fail("--tab needs a tab id, not \"" + parser.value(tab) + "\"");
  }
  options.only_bad = parser.isSet(bad);
  if (parser.isSet(json) && parser.isSet(body)) {
    return fail("--json prints whole records (bodies included); --body is for the table");
  }
  if (parser.isSet(json)) options.output = Output::kJsonLines;
  if (parser.isSet(body)) options.output = Output::kTableWithBodies;
  parsed.options = std::move(options);
  return parsed;
}

}  // namespace sb::ipcdump
