#include <array>
#include <memory>
#include <span>
#include <string_view>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

struct MenuEntry {
  std::string_view href;
  std::string_view description;
};

struct MenuSection {
  std::string_view heading;
  std::span<const MenuEntry> entries;
};

constexpr std::array kStart = {
    MenuEntry{"demo://tour", "Eight short lessons: things to break or measure, and what to watch."},
};
constexpr std::array kPages = {
    MenuEntry{"demo://news",
              "A fake news front page: headlines, summaries and generated pictures."},
    MenuEntry{"demo://clock", "A clock the renderer animates itself: a new frame every 100 ms."},
    MenuEntry{"demo://form",
              "A text field with focus, typing and a submitted list: state a crash loses."},
};
constexpr std::array kFaults = {
    MenuEntry{"demo://crash", "Writes through a null pointer: the renderer dies of SIGSEGV."},
    MenuEntry{"demo://abort", "Calls abort(): the renderer dies of SIGABRT."},
    MenuEntry{"demo://hang", "Spins in a busy loop forever: the renderer stops answering."},
    MenuEntry{"demo://leak", "Grows memory by 16 MiB every 200 ms, up to a 1 GiB safety ceiling."},
    MenuEntry{"demo://exit", "Exits with code 3 (demo://exit?code=N picks another code)."},
};
constexpr std::array kSandbox = {
    MenuEntry{"demo://sandbox",
              "Escape attempts a compromised renderer would make, run live: what is denied?"},
    MenuEntry{"demo://badipc",
              "Sends the browser a malformed message on purpose; the browser kills the renderer."},
};
constexpr std::array kOtherProcesses = {
    MenuEntry{"demo://plugin",
              "Two plugin boxes drawn by plugin processes shared by every tab, next to a button "
              "the page still answers when a plugin dies."},
    MenuEntry{"demo://plugincrash",
              "The browser crashes the ticker plugin: every ticker box shows the placeholder."},
    MenuEntry{"demo://gpucrash",
              "The browser crashes the GPU process: every tab blinks and comes back."},
};
constexpr std::array kMeasure = {
    MenuEntry{"demo://ipc-lab",
              "Pipes, sockets, message queues, shared memory and threads, timed on this machine "
              "and drawn as charts."},
    MenuEntry{"demo://deadlock",
              "The page and its plugin call each other and wait: a deadlock the browser finds "
              "in its wait-for graph and breaks."},
};
constexpr std::array kWeb = {
    MenuEntry{"https://example.com/x", "Any URL becomes a deterministic fake page."},
};

class HomePage final : public Page {
 public:
  explicit HomePage(int pid) : pid_(pid) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "MULTI-PROCESS SANDBOX DEMO", "Sandbrowser",
                "Every tab is drawn by a separate renderer process that talks to the browser only "
                "through messages. Open a page below, or break a renderer on purpose and watch the "
                "browser stay up. Nothing here touches the real web.",
                theme::kAccent);
    const std::array sections = {MenuSection{"Start here", kStart},
                                 MenuSection{"Pages", kPages},
                                 MenuSection{"Break the renderer", kFaults},
                                 MenuSection{"Try to get out", kSandbox},
                                 MenuSection{"Plugins and the GPU process", kOtherProcesses},
                                 MenuSection{"Measure", kMeasure},
                                 MenuSection{"The web, faked", kWeb}};
    for (const MenuSection& section : sections) {
      builder.text(section.heading, theme::kHeading);
      builder.space(10);
      for (const MenuEntry& entry : section.entries)
        addLinkCard(builder, entry.href, entry.description);
      builder.space(14);
    }
    addFooter(builder, pid_);
    return builder.finish("Sandbrowser", theme::kPaper);
  }

 private:
  int pid_;
};

}  // namespace

std::unique_ptr<Page> makeHomePage(const PageServices& services) {
  return std::make_unique<HomePage>(services.pid);
}

}  // namespace sb::renderer
