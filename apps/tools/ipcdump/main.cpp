// sandbrowser-ipcdump: an IPC log saved by the inspector, as a table in the terminal (or the
// selected records as JSON Lines again). Exit status: 0 every line read, 1 some lines were bad
// (each named on stderr; the good ones are still printed), 2 usage error or unreadable file.
#include <cstdio>
#include <iostream>

#include "apps/browser/core/ipc_log_file.h"
#include "apps/tools/ipcdump/dump_options.h"
#include "apps/tools/ipcdump/dump_table.h"

namespace {

constexpr int kBadLines = 1;
constexpr int kUsageOrFileError = 2;

void complain(const std::string& message) {
  std::fprintf(stderr, "sandbrowser-ipcdump: %s\n", message.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sb;
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments.append(QString::fromLocal8Bit(argv[i]));
  const ipcdump::ParsedCommandLine command = ipcdump::parseCommandLine(arguments);
  if (command.help) {
    std::fputs(ipcdump::usage().c_str(), stdout);
    return 0;
  }
  if (!command.options) {
    complain(command.error);
    std::fputs(ipcdump::usage().c_str(), stderr);
    return kUsageOrFileError;
  }
  const ipcdump::DumpOptions& options = *command.options;

  const bool from_stdin = options.file == "-";
  const browser::IpcLogContents contents =
      from_stdin ? browser::readIpcLog(std::cin) : browser::readIpcLogFile(options.file);
  const std::string name = from_stdin ? "stdin" : options.file;
  if (!contents.failure.empty() && contents.records.empty() && contents.errors.empty()) {
    complain(contents.failure);
    return kUsageOrFileError;
  }

  std::vector<const browser::IpcRecord*> selected;
  for (const browser::IpcRecord& record : contents.records) {
    if (options.matches(record)) selected.push_back(&record);
  }
  if (options.output == ipcdump::Output::kJsonLines) {
    for (const browser::IpcRecord* record : selected) browser::writeIpcRecord(std::cout, *record);
  } else {
    const uint64_t origin = contents.records.empty() ? 0 : contents.records.front().time_ns;
    const auto bodies = options.output == ipcdump::Output::kTableWithBodies
                            ? ipcdump::Bodies::kShown
                            : ipcdump::Bodies::kHidden;
    std::cout << ipcdump::formatTable(selected, origin, bodies);
  }
  std::cout.flush();

  for (const std::string& error : contents.errors) complain(name + ": " + error);
  if (!contents.failure.empty()) {
    complain(contents.failure);
    return kUsageOrFileError;
  }
  return contents.errors.empty() ? 0 : kBadLines;
}
