#include "apps/tools/ipcbench/kinds_bench.h"

#include <csignal>
#include <cstdio>

#include "apps/tools/ipcbench/kind_run.h"
#include "apps/tools/ipcbench/kinds_options.h"
#include "apps/tools/ipcbench/kinds_report.h"

namespace sb::ipcbench {

int runKinds(const KindsRun& run) {
  // A peer that dies mid-write must fail our write with EPIPE, not kill the benchmark.
  std::signal(SIGPIPE, SIG_IGN);
  Budget budget;
  if (run.quick) budget = {.seconds_per_phase = 0.02, .min_round_trips = 20, .min_messages = 10, .warmup = 3};
  std::vector<std::vector<KindResult>> by_kind;
  std::vector<std::string> notes;
  for (const Kind& kind : run.kinds) {
    std::string note;
    by_kind.push_back(runKind(kind, run.sizes, budget, note));
    if (!note.empty()) notes.push_back(note);
  }
  // The table groups by size, kinds in the order asked for.
  std::vector<KindResult> rows;
  for (size_t s = 0; s < run.sizes.size(); ++s) {
    for (const auto& kind_rows : by_kind) rows.push_back(kind_rows[s]);
  }
  if (run.json) {
    printKindJson(rows, notes);
  } else {
    printKindTable(rows, notes);
  }
  int status = 0;
  for (const auto& row : rows) {
    if (row.ok) continue;
    std::fprintf(stderr, "sandbrowser-ipcbench: %s at %s: %s\n", row.kind.c_str(), sizeLabel(row.bytes).c_str(),
                 row.error.c_str());
    status = 1;
  }
  return status;
}

}  // namespace sb::ipcbench
