#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "apps/renderer/bad_ipc/bad_messages.h"
#include "apps/renderer/page.h"
#include "apps/renderer/page_services.h"
#include "apps/renderer/restricted_services.h"
#include "apps/renderer/sandbox_probes/system_probes.h"

namespace sb::renderer {

// One factory per page; each lives in its own file under pages/.

std::unique_ptr<Page> makeHomePage(const PageServices& services);
std::unique_ptr<Page> makeNewsPage(const PageServices& services);
std::unique_ptr<Page> makeClockPage(const PageServices& services);
std::unique_ptr<Page> makeFormPage(const PageServices& services);
std::unique_ptr<Page> makeLeakPage(const PageServices& services);
// demo://tour: the guided tour's lessons, each a page to open, what to do there and what to watch.
std::unique_ptr<Page> makeTourPage(const PageServices& services);
std::unique_ptr<Page> makeNotFoundPage(std::string_view url);
std::unique_ptr<Page> makeFakePage(std::string_view url);

// The box ids of the plugin boxes on demo://plugin and demo://plugincrash: fixed, so they stay the
// same across layouts and the browser keeps the same plugin instances.
inline constexpr uint32_t kTickerBoxId = 1;
inline constexpr uint32_t kBallBoxId = 2;

// demo://plugin: a "ticker" and a "ball" plugin box, and a click counter the renderer owns.
std::unique_ptr<Page> makePluginPage(const PageServices& services);
// demo://plugincrash and demo://gpucrash: the browser crashes that process when the page loads;
// the page says so (plugincrash also embeds a ticker box, to show the placeholder).
std::unique_ptr<Page> makePluginCrashPage(const PageServices& services);
std::unique_ptr<Page> makeGpuCrashPage(const PageServices& services);

enum class FaultKind { kSegv, kAbort, kHang, kExit };
// A page that says what is about to happen, then makes it happen once it is on screen.
// `query` is the URL's query string (demo://exit?code=N).
std::unique_ptr<Page> makeFaultPage(FaultKind kind, std::string_view query,
                                    const PageServices& services);

// Makes every escape attempt of sandbox_probes/ once it is on screen and shows what happened.
std::unique_ptr<Page> makeSandboxPage(const PageServices& services, SystemProbes& probes);

// demo://badipc?kind=NAME: says what it is about to do, then sends that one bad message once it
// is on screen. Without a (known) kind it lists every kind and sends nothing.
std::unique_ptr<Page> makeBadIpcPage(std::string_view query, const PageServices& services,
                                     BadIpcSender& sender, const BadIpcTarget& target);

// demo://ipc-lab: asks the browser for its latest benchmark report once on screen, starts a run on
// the button (or Enter), and draws the rows as log-scale bar charts with what each kind costs.
// demo://deadlock: a ticker box and two ways to ask it a question: a blocking call, which the
// plugin's blocking call back turns into a deadlock the browser breaks, and a non-blocking one.
inline constexpr uint32_t kDeadlockBoxId = 3;
std::unique_ptr<Page> makeDeadlockPage(const PageServices& services, CallPlugin call_plugin);

std::unique_ptr<Page> makeIpcLabPage(const PageServices& services,
                                     std::function<void(bool start)> ask_ipc_lab);

}  // namespace sb::renderer
