// Browser: the single-process model's renderer threads (renderer_thread_launcher.h) and the
// moment before one of them takes the whole process down.
#include <QPointer>
#include <spdlog/spdlog.h>

#include "apps/browser/core/browser.h"

namespace sb::browser {

renderer::BeforeProcessFault Browser::rendererThreadFaultGate() {
  QPointer<Browser> browser(this);
  return [browser](const std::string& what) {
    spdlog::critical("a renderer thread is about to fault: {}; in the single-process model that "
                     "ends the browser and every tab", what);
    if (!browser) return false;
    // Blocking: the renderer thread waits here until the window has said what is coming.
    bool go_ahead = false;
    QMetaObject::invokeMethod(
        browser.data(),
        [browser, text = QString::fromStdString(what), &go_ahead] {
          if (!browser || browser->shutting_down_) return;
          emit browser->processFaultAhead(text);
          // The explanation may have been open while the user quit.
          go_ahead = browser && !browser->shutting_down_;
        },
        Qt::BlockingQueuedConnection);
    if (!go_ahead) spdlog::info("the renderer thread's fault is dropped: the browser is quitting");
    return go_ahead;
  };
}

}  // namespace sb::browser
