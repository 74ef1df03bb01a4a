// demo://sandbox in a real renderer: with the sandbox every escape attempt is denied; without it
// the ones this machine allows go through. Rows are read from the page's DrawText items (each
// row: operation, goal, expected, what happened, errno) and its title, "Sandbox: N/M denied".
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>
#include <string>
#include <vector>

#include "common/base/sanitizers.h"
#include "apps/browser/core/browser.h"
#include "apps/tools/ctl/control_client.h"
#include "apps/tools/ctl/launched_browser.h"
#include "common/process/command_line.h"
#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::waitUntil;

// The operations as the page names them (apps/renderer/sandbox_probes/probe_catalog.cpp).
const std::vector<std::string> kOperations = {
    "read /etc/passwd",
    "write a file in /tmp",
    "list /",
    "connect to 127.0.0.1:1 over TCP",
    "connect to the browser's control socket",
    "execve /bin/true",
    "fork a process",
    "kill(browser, 0)",
    "ptrace the browser",
    "read /proc/<browser>/mem",
    "setuid(0)",
    "mmap 8 GiB",
    "mount(2)",
    "unshare(CLONE_NEWUSER)",
};

bool finished(const QString& title) {
  return title.startsWith("Sandbox: ") && !title.endsWith("running");
}

// What happened, per operation.
std::map<std::string, std::string> outcomes(const Tab& tab) {
  std::vector<std::string> texts;
  for (const auto& item : tab.display_list->items()) {
    if (item.has_text()) texts.push_back(item.text().text());
  }
  std::map<std::string, std::string> result;
  for (size_t i = 0; i + 3 < texts.size(); ++i) {
    for (const std::string& operation : kOperations) {
      if (texts[i] == operation) result[operation] = texts[i + 3];
    }
  }
  return result;
}

// Opens demo://sandbox tall enough that no row is culled and waits for the probes' results.
const Tab* sandboxPage(Browser& browser) {
  const auto opened = browser.openTab("demo://sandbox");
  if (!std::holds_alternative<int>(opened)) return nullptr;
  const int id = std::get<int>(opened);
  browser.resizeViewport(id, QSize(1024, 16000));
  const bool done = waitUntil(
      [&] {
        return browser.tab(id)->state == TabState::kLoaded && finished(browser.tab(id)->title);
      },
      15s);
  EXPECT_TRUE(done) << "state " << tabStateName(browser.tab(id)->state) << ", title "
                    << browser.tab(id)->title.toStdString() << ", "
                    << browser.tab(id)->crash_reason.toStdString();
  return done ? browser.tab(id) : nullptr;
}

// Sanitizers reserve terabytes of shadow memory, so their builds leave the address space uncapped
// (sandbox_policy.cpp): there, and only there, the 8 GiB mapping goes through.
constexpr const char* kUncappedInSanitizerBuilds = "mmap 8 GiB";
const std::string kAllDenied = kSanitizerBuild ? "Sandbox: 13/14 denied" : "Sandbox: 14/14 denied";

TEST(SandboxPage, UnderTheSandboxEveryEscapeIsDenied) {
  Browser::Options options;
  options.sandbox = true;
  Browser browser(options);
  const Tab* tab = sandboxPage(browser);
  ASSERT_NE(tab, nullptr);
  const auto rows = outcomes(*tab);
  ASSERT_EQ(rows.size(), kOperations.size());
  for (const auto& [operation, outcome] : rows) {
    const bool uncapped = kSanitizerBuild && operation == kUncappedInSanitizerBuilds;
    EXPECT_EQ(outcome.rfind(uncapped ? "allowed" : "denied", 0), 0u) << operation << ": " << outcome;
  }
  EXPECT_EQ(tab->title.toStdString(), kAllDenied);
  EXPECT_NE(sb::testing::pageText(browser, tab->id).find("This renderer is sandboxed"),
            std::string::npos);
}

TEST(SandboxPage, WithoutTheSandboxWhatThisMachineAllowsGoesThrough) {
  Browser::Options options;
  options.sandbox = false;
  Browser browser(options);
  const Tab* tab = sandboxPage(browser);
  ASSERT_NE(tab, nullptr);
  const auto rows = outcomes(*tab);
  ASSERT_EQ(rows.size(), kOperations.size());
  for (const char* operation :
       {"read /etc/passwd", "write a file in /tmp", "list /", "connect to 127.0.0.1:1 over TCP",
        "fork a process", "mmap 8 GiB"}) {
    EXPECT_EQ(rows.at(operation).rfind("allowed", 0), 0u)
        << operation << ": " << rows.at(operation);
  }
  // This browser has no control socket, so there is nothing to connect to.
  EXPECT_EQ(rows.at("connect to the browser's control socket"),
            "not tried: the browser has no control socket");
  EXPECT_NE(sb::testing::pageText(browser, tab->id).find("WITHOUT the sandbox (--no-sandbox)"),
            std::string::npos);
}

// One JSON-line request to a launched browser's control socket.
QJsonObject call(ctl::ControlClient& client, const QJsonObject& request) {
  std::string error;
  const auto reply = client.request(
      QJsonDocument(request).toJson(QJsonDocument::Compact).toStdString(), 10s, &error);
  EXPECT_TRUE(reply.has_value()) << error;
  return reply ? QJsonDocument::fromJson(QByteArray::fromStdString(*reply)).object()
               : QJsonObject{};
}

// The title of demo://sandbox in a real `sandbrowser --headless --control-socket` once its
// probes have run: 14 attempts, the control socket among them, or 13 when it is not tried.
std::string sandboxTitleOverControl(std::vector<std::string> extra_arguments) {
  ctl::LaunchedBrowser::Options options;
  options.executable = process::resolveExecutable("sandbrowser").value_or("sandbrowser");
  options.extra_arguments = std::move(extra_arguments);
  options.environment = {"SANDBROWSER_LOG=warn"};
  std::string error;
  auto launched = ctl::LaunchedBrowser::start(options, &error);
  if (!launched) {
    ADD_FAILURE() << error;
    return {};
  }
  auto client = ctl::ControlClient::connect(launched->socketPath(), &error);
  if (!client) {
    ADD_FAILURE() << error;
    return {};
  }
  const int tab = call(*client, {{"cmd", "open_tab"}, {"url", "demo://sandbox"}})["tab"].toInt();
  QString title;
  sb::testing::waitUntil(
      [&] {
        for (const auto& entry : call(*client, {{"cmd", "list_tabs"}})["tabs"].toArray()) {
          if (entry.toObject()["tab"].toInt() == tab) title = entry.toObject()["title"].toString();
        }
        return finished(title);
      },
      15s);
  return title.toStdString();
}

TEST(SandboxPage, WithoutTheSandboxTheRendererReachesTheControlSocket) {
  // 14 attempts: the renderer found the socket on the browser's command line and connected.
  const std::string title = sandboxTitleOverControl({"--no-sandbox"});
  EXPECT_TRUE(title.ends_with("/14 denied")) << title;
  EXPECT_NE(title, kAllDenied);
}

TEST(SandboxPage, UnderTheSandboxTheControlSocketIsOutOfReach) {
  EXPECT_EQ(sandboxTitleOverControl({}), kAllDenied);
}

}  // namespace
}  // namespace sb::browser
