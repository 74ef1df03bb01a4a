#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

// One thing to do and watch, tied to one idea of the OS notes the project teaches from.
struct Lesson {
  std::string_view idea;  // from the OS notes
  std::string_view title;
  std::string_view href;  // the page the lesson starts from
  std::string_view try_this;
  std::string_view watch;
};

constexpr std::array kLessons = {
    Lesson{"Processes and threads", "A crash costs one tab", "demo://clock",
           "Open demo://clock in two tabs. In one, Renderer → Kill renderer (or kill -9 the pid "
           "shown on the tab from a terminal). Then, in Settings (Ctrl+,), choose single-process "
           "and open demo://crash in a new tab.",
           "Each renderer is a process with its own memory: the killed tab shows the sad tab, the "
           "other clock keeps ticking, and the task manager (Shift+Esc) loses one row. In the "
           "single-process model the renderers are threads of the browser, and one crash ends all "
           "of it."},
    Lesson{"IPC kinds", "How processes talk, measured", "demo://ipc-lab",
           "Run the benchmark on demo://ipc-lab and switch between message sizes.",
           "Pipes, sockets and message queues copy every message into the kernel and out again; "
           "shared memory skips the kernel but needs its own synchronisation; threads share "
           "everything. The inspector (F12) shows the page's IpcLabRequest and the browser's "
           "IpcLabReport."},
    Lesson{"Shared memory and synchronisation", "Two buffers and a hand-over", "demo://clock",
           "With demo://clock open, press Ctrl+Alt+G.",
           "Each frame's number and buffer index are drawn on the page: the GPU process paints into "
           "one buffer of a shared memfd while the browser shows the other, and RasterizeFrame, "
           "FrameReady and ReleaseBuffer in the inspector hand them back and forth, so a frame is "
           "never shown half-written."},
    Lesson{"Isolation and reliability", "Three ways to fail", "demo://plugincrash",
           "Open demo://crash, demo://plugincrash and demo://gpucrash in turn.",
           "A renderer's death is a sad tab; a plugin's is a placeholder in its box while the page "
           "lives on; the GPU process's is a blink while the browser restarts it. The crashes "
           "dock (Ctrl+Shift+K) says how each ended."},
    Lesson{"The sandbox", "Try to get out", "demo://sandbox",
           "Open demo://sandbox, then the Sandbox panel; start the browser with --no-sandbox and "
           "open the page again.",
           "Every escape attempt is denied by a named layer (namespaces, seccomp-bpf, Landlock, "
           "rlimits); without the sandbox many of them succeed, under a red banner."},
    Lesson{"Hangs", "Busy is not dead", "demo://hang",
           "Open demo://hang and wait five seconds.",
           "The renderer still runs (the task manager shows it at 100% CPU) but no longer answers "
           "the browser's heartbeat: the tab says so and offers Wait or Kill, and every other tab "
           "stays responsive."},
    Lesson{"Deadlock", "Waiting for each other", "demo://deadlock",
           "Open demo://deadlock and press Ask and wait (Enter); then Ask without waiting (N).",
           "The page blocks on a call to its plugin, and the plugin blocks on a call back to the "
           "page: neither uses the CPU, and the ticker freezes. After a second the browser finds "
           "the cycle in its wait-for graph and refuses the plugin's call; the page lists what "
           "happened. In the inspector (F12), filter on \"call\" to see both calls and the "
           "CallReply \"refused: deadlock\". Without waiting, nothing deadlocks."},
    Lesson{"Trust", "A renderer that lies", "demo://badipc",
           "Open demo://badipc and pick any kind of bad message.",
           "The browser checks every message a child sends; a malformed or forbidden one kills the "
           "sender, and the inspector marks it in red with the reason."},
};

class TourPage final : public Page {
 public:
  explicit TourPage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "GUIDED TOUR", "Eight things to do and watch",
                "Each lesson is something to break or measure, and where to look while it "
                "happens: the tab, the inspector (F12), the task manager (Shift+Esc). Click a "
                "lesson's page to start it.",
                theme::kAccent);
    int number = 1;
    for (const Lesson& lesson : kLessons) {
      TextStyle idea_style = theme::kSmall;
      idea_style.argb = theme::kAccent;
      idea_style.bold = true;
      builder.text(std::to_string(number++) + ". " + std::string(lesson.idea), idea_style);
      builder.space(4);
      builder.text(lesson.title, theme::kHeading);
      builder.space(8);
      addLinkCard(builder, lesson.href, std::string("Try: ") + std::string(lesson.try_this));
      builder.text(std::string("Watch: ") + std::string(lesson.watch), theme::kBody);
      builder.space(26);
    }
    addFooter(builder, pid_);
    return builder.finish("Guided tour", theme::kPaper);
  }

 private:
  int pid_;
};

}  // namespace

std::unique_ptr<Page> makeTourPage(const PageServices& services) {
  return std::make_unique<TourPage>(services.pid);
}

}  // namespace sb::renderer
