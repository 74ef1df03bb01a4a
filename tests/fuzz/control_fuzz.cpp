// The control socket's requests as any local user of this account could write them: bytes split
// into lines, each line a request to a real Browser. No event loop runs, so no renderer is ever
// launched (launches are queued) and a request can only change the browser's own state.
#include <QCoreApplication>
#include <cstddef>
#include <cstdint>

#include "apps/browser/control/control_commands.h"
#include "apps/browser/control/line_buffer.h"
#include "apps/browser/core/browser.h"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  static QCoreApplication app(*argc, *argv);  // timers and signals need one
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sb::browser::Browser::Options options;
  options.gpu_process = false;
  options.zygote = false;
  options.ipc_log_capacity = 64;
  options.renderer_executable = "/nonexistent/sandbrowser-renderer";
  sb::browser::Browser browser(options);
  sb::browser::ControlCommands commands(browser);
  sb::browser::LineBuffer lines(sb::browser::ControlCommands::kMaxLineBytes);
  lines.append(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
  lines.append(QByteArray("\n"));  // the last line counts too
  while (auto item = lines.next()) {
    if (!item->too_long) commands.execute(item->line);
  }
  return 0;
}
