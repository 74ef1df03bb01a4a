#include "apps/renderer/page_factory.h"

#include <string>

#include "apps/renderer/pages/pages.h"
#include "apps/renderer/text/url.h"

namespace sb::renderer {
namespace {

// "demo://home", "demo://home/" and "demo:home" all name "home".
std::string demoName(const Url& url) {
  std::string name = url.authority + url.path;
  while (!name.empty() && name.back() == '/') name.pop_back();
  return name;
}

std::unique_ptr<Page> createDemoPage(std::string_view raw, const Url& url,
                                     const PageServices& services,
                                     const RestrictedServices& restricted) {
  const std::string name = demoName(url);
  if (name == "home" || name.empty()) return makeHomePage(services);
  if (name == "news") return makeNewsPage(services);
  if (name == "clock") return makeClockPage(services);
  if (name == "form") return makeFormPage(services);
  if (name == "leak") return makeLeakPage(services);
  if (name == "tour") return makeTourPage(services);
  if (name == "crash") return makeFaultPage(FaultKind::kSegv, url.query, services);
  if (name == "abort") return makeFaultPage(FaultKind::kAbort, url.query, services);
  if (name == "hang") return makeFaultPage(FaultKind::kHang, url.query, services);
  if (name == "exit") return makeFaultPage(FaultKind::kExit, url.query, services);
  if (name == "plugin") return makePluginPage(services);
  if (name == "plugincrash") return makePluginCrashPage(services);
  if (name == "gpucrash") return makeGpuCrashPage(services);
  if (name == "sandbox") return makeSandboxPage(services, restricted.probes);
  if (name == "ipc-lab") return makeIpcLabPage(services, restricted.ask_ipc_lab);
  if (name == "deadlock") return makeDeadlockPage(services, restricted.call_plugin);
  if (name == "badipc") {
    return makeBadIpcPage(url.query, services, restricted.bad_ipc, restricted.target);
  }
  return makeNotFoundPage(raw);
}

}  // namespace

std::unique_ptr<Page> createPage(std::string_view url, const PageServices& services,
                                 const RestrictedServices& restricted) {
  if (url.empty()) return makeNotFoundPage(url);
  const Url parsed = parseUrl(url);
  if (parsed.scheme == "demo") return createDemoPage(url, parsed, services, restricted);
  return makeFakePage(url);
}

}  // namespace sb::renderer
