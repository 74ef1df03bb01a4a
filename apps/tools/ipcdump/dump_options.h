#pragma once

// sandbrowser-ipcdump's command line and the filter it describes.

#include <sys/types.h>

#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>

#include "apps/browser/core/ipc_log.h"

namespace sb::ipcdump {

enum class Output { kTable, kTableWithBodies, kJsonLines };

struct DumpOptions {
  std::string file;  // "-" reads stdin
  std::optional<std::string> kind;
  std::optional<pid_t> pid;
  std::optional<uint32_t> tab;
  bool only_bad = false;
  Output output = Output::kTable;

  bool matches(const browser::IpcRecord& record) const;
};

struct ParsedCommandLine {
  std::optional<DumpOptions> options;  // empty for --help or an error
  bool help = false;
  std::string error;
};

// `arguments` includes the program name first, as QCoreApplication::arguments() has it.
ParsedCommandLine parseCommandLine(const QStringList& arguments);
std::string usage();

}  // namespace sb::ipcdump
