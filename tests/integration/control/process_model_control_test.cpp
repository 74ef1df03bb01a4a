// --process-model and --renderer-process-limit on a real `sandbrowser`: the flags' checks, and
// list_tabs / list_processes showing tabs that share a renderer under one pid.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "common/process/command_line.h"
#include "tests/integration/control/control_session.h"
#include "tests/integration/control/run_process.h"
#include "tests/support/proc_inspect.h"

namespace sb::testing {
namespace {

std::string executableOf(pid_t pid) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", error)
      .filename()
      .string();
}

std::multiset<std::string> threadNamesOf(pid_t pid) {
  std::multiset<std::string> names;
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator(
           "/proc/" + std::to_string(pid) + "/task", error)) {
    std::string name;
    std::getline(std::ifstream(task.path() / "comm"), name);
    names.insert(name);
  }
  return names;
}

ProcessOutput runBrowser(std::vector<std::string> args) {
  args.insert(args.begin(), "--headless");
  return runSandbrowser(std::move(args));
}

TEST(ProcessModelFlags, AnUnknownModelExitsTwoNamingTheValidOnes) {
  const ProcessOutput result = runBrowser({"--process-model=per-window"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--process-model"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("per-tab, per-site"), std::string::npos) << result.err;
}

TEST(ProcessModelFlags, TheLimitMustBeAPositiveWholeNumber) {
  for (const char* bad : {"0", "-3", "many", "1.5"}) {
    const ProcessOutput result = runBrowser({"--renderer-process-limit", bad});
    EXPECT_EQ(result.exit_code, 2) << bad;
    EXPECT_NE(result.err.find("--renderer-process-limit"), std::string::npos) << result.err;
  }
}

TEST(ProcessModelControl, PerSiteTabsReportOneRendererPidAndOneProcessEntry) {
  ControlSession session({"--process-model=per-site"});
  ASSERT_TRUE(session.ok()) << session.error();
  const int news = session.openTab("https://news.example.com/");
  const int www = session.openTab("https://www.example.com/");
  const int other = session.openTab("demo://home");
  const qint64 shared = session.waitFor(news, "loaded")["renderer_pid"].toInteger();
  EXPECT_EQ(session.waitFor(www, "loaded")["renderer_pid"].toInteger(), shared);
  const qint64 own = session.waitFor(other, "loaded")["renderer_pid"].toInteger();
  EXPECT_GT(shared, 0);
  EXPECT_NE(own, shared);

  std::map<qint64, std::set<int>> tabs_by_pid;
  for (const auto& entry : session.processes()) {
    const QJsonObject process = entry.toObject();
    if (process["kind"].toString() != QLatin1String("renderer")) continue;
    for (const auto& tab : process["tabs"].toArray())
      tabs_by_pid[process["pid"].toInteger()].insert(tab.toInt());
  }
  EXPECT_EQ(tabs_by_pid.size(), 2u);
  EXPECT_EQ(tabs_by_pid[shared], (std::set<int>{news, www}));
  EXPECT_EQ(tabs_by_pid[own], std::set<int>{other});
}

TEST(ProcessModelControl, KillingASharedPidReportsItOnEveryTabItHosted) {
  ControlSession session({"--renderer-process-limit=1"});
  ASSERT_TRUE(session.ok()) << session.error();
  const int one = session.openTab("demo://home");
  const int two = session.openTab("demo://news");
  const qint64 pid = session.waitFor(one, "loaded")["renderer_pid"].toInteger();
  ASSERT_EQ(session.waitFor(two, "loaded")["renderer_pid"].toInteger(), pid);
  EXPECT_EQ(session.rendererPids().size(), 1u);
  const QJsonObject reply = session.call({{"cmd", "kill"}, {"pid", pid}, {"signal", "SIGKILL"}});
  ASSERT_TRUE(reply["ok"].toBool()) << toLine(reply);
  for (int tab : {one, two}) {
    const QJsonObject crashed = session.waitFor(tab, "crashed");
    EXPECT_EQ(crashed["crashed_pid"].toInteger(), pid) << tab;
    EXPECT_TRUE(crashed["renderer_pid"].isNull()) << tab;
  }
}

TEST(SingleProcess, RenderersAreThreadsOfTheBrowserAndNoRendererProcessExists) {
  ControlSession session({"--process-model=single-process"});
  ASSERT_TRUE(session.ok()) << session.error();
  const pid_t browser = session.browser().pid();
  const int home = session.openTab("demo://home");
  const int news = session.openTab("demo://news");
  EXPECT_EQ(session.waitFor(home, "loaded")["renderer_pid"].toInteger(), browser);
  EXPECT_EQ(session.waitFor(news, "loaded")["renderer_pid"].toInteger(), browser);

  const std::vector<pid_t> descendants = descendantsOf(browser);
  EXPECT_FALSE(descendants.empty()) << "the GPU and plugin processes are still children";
  for (pid_t pid : descendants) EXPECT_NE(executableOf(pid), "sandbrowser-renderer") << pid;
  EXPECT_EQ(threadNamesOf(browser).count("sb-renderer"), 2u);

  int thread_entries = 0;
  for (const auto& entry : session.processes()) {
    const QJsonObject process = entry.toObject();
    if (process["kind"].toString() != QLatin1String("renderer")) continue;
    ++thread_entries;
    EXPECT_TRUE(process["thread"].toBool());
    EXPECT_EQ(process["pid"].toInteger(), browser);
  }
  EXPECT_EQ(thread_entries, 2);

  // A thread cannot be signalled apart from its process, and the browser says so.
  const QJsonObject refused = session.call({{"cmd", "kill"}, {"pid", browser}, {"signal", "SIGKILL"}});
  EXPECT_FALSE(refused["ok"].toBool());
  EXPECT_TRUE(refused["error"].toString().contains("thread")) << toLine(refused);
  EXPECT_TRUE(session.browser().running());
}

TEST(ZygoteControl, TheZygoteIsListedAndAKilledOneComesBackTakingItsForkedRenderersWithIt) {
  ControlSession session;
  ASSERT_TRUE(session.ok()) << session.error();
  const int tab = session.openTab("demo://home");
  const qint64 renderer = session.waitFor(tab, "loaded")["renderer_pid"].toInteger();
  auto zygoteEntry = [&session] {
    for (const auto& entry : session.processes()) {
      if (entry.toObject()["kind"].toString() == QLatin1String("zygote")) return entry.toObject();
    }
    return QJsonObject{};
  };
  const QJsonObject zygote = zygoteEntry();
  ASSERT_FALSE(zygote.isEmpty()) << "no zygote in list_processes";
  const qint64 zygote_pid = zygote["pid"].toInteger();
  EXPECT_GT(zygote_pid, 0);
  EXPECT_NE(zygote_pid, renderer);
  // One renderer so far: forked, or exec'd if the zygote was not up yet when the tab opened.
  EXPECT_EQ(zygote["forks"].toInteger() + zygote["fallbacks"].toInteger(), 1);

  const QJsonObject killed = session.call({{"cmd", "kill"}, {"pid", zygote_pid}, {"signal", "KILL"}});
  ASSERT_TRUE(killed["ok"].toBool()) << toLine(killed);
  bool restarted = false;
  for (int tries = 0; tries < 100 && !restarted; ++tries) {
    const QJsonObject again = zygoteEntry();
    restarted = !again.isEmpty() && again["pid"].toInteger() != zygote_pid &&
                again["state"].toString() == QLatin1String("running");
    if (!restarted) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(restarted) << "no new zygote within 10 s";
  // Forked renderers die with their zygote (its pid namespace ends); an exec'd one lives on.
  const bool forked = zygote["forks"].toInteger() == 1;
  if (forked) {
    EXPECT_EQ(session.waitFor(tab, "crashed")["crashed_pid"].toInteger(), renderer);
    session.call({{"cmd", "reload"}, {"tab", tab}});
    session.waitFor(tab, "loaded");
  } else {
    EXPECT_EQ(session.tab(tab)["state"].toString(), QLatin1String("loaded"));
  }
}

TEST(SingleProcess, ARendererCrashEndsTheWholeBrowserWithTheCrashSignal) {
  ControlSession session({"--process-model=single-process"});
  ASSERT_TRUE(session.ok()) << session.error();
  const int home = session.openTab("demo://home");
  session.waitFor(home, "loaded");
  session.openTab("demo://crash");  // the reply may or may not beat the crash
  const std::optional<int> status = session.browser().waitForExit(std::chrono::seconds(10));
  ASSERT_TRUE(status.has_value()) << "the browser survived a renderer thread's crash";
  ASSERT_TRUE(WIFSIGNALED(*status)) << "exit status " << *status;
  EXPECT_EQ(WTERMSIG(*status), SIGSEGV);
  EXPECT_FALSE(WCOREDUMP(*status)) << "a demo crash should leave no core file";
}

}  // namespace
}  // namespace sb::testing
