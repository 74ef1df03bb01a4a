// The sandbox seen from outside, the way a person would check it: /proc of real sandboxed
// children. Each check also runs with the sandbox off and must then fail, so it is the sandbox
// that makes it hold.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/base/sanitizers.h"
#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_host.h"
#include "tests/support/proc_inspect.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::waitUntil;

enum class Sandbox { kOn, kOff };

struct Child {
  std::unique_ptr<ProcessHost> host;
  bool ready = false;
  int exits = 0;
  QString exit_reason;
  std::string logs;
};

std::unique_ptr<Child> start(const std::string& executable, wire::ProcessKind kind, Sandbox sandbox,
                             std::vector<std::string> args = {}) {
  auto child = std::make_unique<Child>();
  ProcessHost::Config config;
  config.kind = kind;
  config.executable = executable;
  config.arguments = std::move(args);
  config.sandbox = sandbox == Sandbox::kOn;
  child->host = std::make_unique<ProcessHost>(config);
  Child* raw = child.get();
  QObject::connect(raw->host.get(), &ProcessHost::ready, [raw] { raw->ready = true; });
  QObject::connect(raw->host.get(), &ProcessHost::exited, [raw](const QString& reason) {
    ++raw->exits;
    raw->exit_reason = reason;
  });
  raw->host->setMessageHandler([raw](ProcessHost&, ipc::Message&& message) {
    if (message.envelope.has_log_record()) raw->logs += message.envelope.log_record().text() + "\n";
  });
  raw->host->start();
  return child;
}

std::unique_ptr<Child> renderer(Sandbox sandbox) {
  auto child = start("sandbrowser-renderer", wire::PROCESS_KIND_RENDERER, sandbox);
  EXPECT_TRUE(waitUntil([&] { return child->ready; }, 5s));
  return child;
}

std::unique_ptr<Child> testChild(const std::string& mode, Sandbox sandbox) {
  return start("sb-test-child", wire::PROCESS_KIND_TEST, sandbox, {"--mode=" + mode});
}

std::string procFile(pid_t pid, const std::string& name) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value of "Name:" in /proc/PID/status, e.g. "2" for Seccomp.
std::string statusField(pid_t pid, const std::string& name) {
  std::istringstream lines(procFile(pid, "status"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + ":", 0) == 0) {
      const auto value = line.find_first_not_of(" \t", name.size() + 1);
      return value == std::string::npos ? "" : line.substr(value);
    }
  }
  return "<missing>";
}

// The row of /proc/PID/limits starting with `name`, e.g. "Max open files            64   64 files".
std::string limitRow(pid_t pid, const std::string& name) {
  std::istringstream lines(procFile(pid, "limits"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name, 0) == 0) return line;
  }
  return "<missing>";
}

std::string nsLink(const std::string& proc, const std::string& ns) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + proc + "/ns/" + ns, error).string();
}

std::set<int> openFds(pid_t pid) {
  std::set<int> fds;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
    fds.insert(std::stoi(entry.path().filename().string()));
  }
  return fds;
}

TEST(Sandbox, ARendererRunsUnderSeccompWithNoNewPrivs) {
  auto on = renderer(Sandbox::kOn);
  EXPECT_EQ(statusField(on->host->pid(), "Seccomp"), "2");
  EXPECT_EQ(statusField(on->host->pid(), "NoNewPrivs"), "1");
  EXPECT_EQ(statusField(on->host->pid(), "CapEff"), "0000000000000000");
  auto off = renderer(Sandbox::kOff);
  EXPECT_EQ(statusField(off->host->pid(), "Seccomp"), "0");
  EXPECT_EQ(statusField(off->host->pid(), "NoNewPrivs"), "0");
}

TEST(Sandbox, ARendererHasItsOwnPidNetIpcAndUserNamespaces) {
  auto on = renderer(Sandbox::kOn);
  auto off = renderer(Sandbox::kOff);
  const std::string sandboxed = std::to_string(on->host->pid());
  const std::string plain = std::to_string(off->host->pid());
  for (const char* ns : {"pid", "net", "ipc", "user"}) {
    ASSERT_FALSE(nsLink("self", ns).empty()) << ns;
    EXPECT_NE(nsLink(sandboxed, ns), nsLink("self", ns)) << ns;
    EXPECT_EQ(nsLink(plain, ns), nsLink("self", ns)) << ns;
  }
}

TEST(Sandbox, TheProgramIsPidTwoUnderANamespaceInitSoItsSignalsWork) {
  auto on = renderer(Sandbox::kOn);
  std::istringstream nspid(statusField(on->host->pid(), "NSpid"));
  pid_t outer = 0, inner = 0;
  nspid >> outer >> inner;
  EXPECT_EQ(outer, on->host->pid());
  EXPECT_EQ(inner, 2);
  // Its parent is the init, our direct child; the program itself is not our child.
  const auto children = sb::testing::childrenOf(::getpid());
  EXPECT_EQ(std::count(children.begin(), children.end(), on->host->pid()), 0);
  EXPECT_EQ(children.size(), 1u);
}

TEST(Sandbox, OnlyStdioTheChannelAndTheCrashFdStayOpen) {
  // A non-dumpable process's /proc/PID/fd belongs to root (its user namespace maps no root).
  if (::geteuid() != 0) GTEST_SKIP() << "listing a sandboxed child's /proc/PID/fd needs root";
  auto on = testChild("stray-fd", Sandbox::kOn);
  ASSERT_TRUE(waitUntil([&] { return on->ready; }, 5s));
  EXPECT_EQ(openFds(on->host->pid()), (std::set<int>{0, 1, 2, 3, 4}));
  auto off = testChild("stray-fd", Sandbox::kOff);
  ASSERT_TRUE(waitUntil([&] { return off->ready; }, 5s));
  EXPECT_GT(openFds(off->host->pid()).size(), 5u)
      << "the stray descriptor should survive without the sandbox";
}

TEST(Sandbox, LimitsShowTheCaps) {
  auto on = renderer(Sandbox::kOn);
  const pid_t pid = on->host->pid();
#if defined(SB_ADDRESS_SANITIZER)
  // AddressSanitizer reserves terabytes of shadow memory: the policy lifts the cap in that build.
  const char* address_space = "unlimited";
#else
  const char* address_space = " 4294967296 ";
#endif
  EXPECT_NE(limitRow(pid, "Max address space").find(address_space), std::string::npos)
      << limitRow(pid, "Max address space");
  EXPECT_NE(limitRow(pid, "Max open files").find(" 64 "), std::string::npos)
      << limitRow(pid, "Max open files");
  EXPECT_NE(limitRow(pid, "Max processes").find(" 0 "), std::string::npos)
      << limitRow(pid, "Max processes");
  EXPECT_NE(limitRow(pid, "Max core file size").find(" 0 "), std::string::npos);
  auto off = renderer(Sandbox::kOff);
  EXPECT_NE(limitRow(off->host->pid(), "Max address space").find("unlimited"), std::string::npos);
  EXPECT_EQ(limitRow(off->host->pid(), "Max open files").find(" 64 "), std::string::npos);
}

TEST(Sandbox, TheHelloListsEveryLayerEngagedAfterTheSpawnNamespaces) {
  auto on = renderer(Sandbox::kOn);
  const auto& hello = on->host->hello().sandbox();
  EXPECT_TRUE(hello.enabled());
  std::vector<std::string> reported;
  for (const auto& layer : hello.layers()) {
    reported.push_back(layer.name());
    EXPECT_TRUE(layer.engaged()) << layer.name() << ": " << layer.detail();
  }
  const std::vector<std::string> expected{"user-namespace", "pid-namespace",    "net-namespace",
                                          "ipc-namespace",  "die-with-browser", "no-new-privs",
                                          "non-dumpable",   "close-fds",        "rlimits",
                                          "capabilities",   "landlock",         "seccomp-bpf"};
  EXPECT_EQ(reported, expected);
  // The merged view has each layer once, the browser's own observation of the namespaces first.
  std::vector<std::string> merged;
  for (const auto& layer : on->host->sandboxLayers()) merged.push_back(layer.name());
  EXPECT_EQ(merged, expected);
  EXPECT_EQ(on->host->sandboxLayers().front().detail(), on->host->spawnNamespaces().front().detail);
  EXPECT_TRUE(on->host->sandboxStatus().enabled());

  auto off = renderer(Sandbox::kOff);
  EXPECT_FALSE(off->host->hello().sandbox().enabled());
  EXPECT_EQ(off->host->hello().sandbox().layers_size(), 0);
  EXPECT_TRUE(off->host->sandboxLayers().empty());
  EXPECT_FALSE(off->host->sandboxStatus().enabled());
}

TEST(Sandbox, AForbiddenSyscallKillsTheChildAndTheReasonNamesIt) {
  auto on = testChild("forbidden-syscall", Sandbox::kOn);
  ASSERT_TRUE(waitUntil([&] { return on->exits == 1; }, 5s));
  EXPECT_TRUE(on->exit_reason.contains("killed by the sandbox: syscall"))
      << on->exit_reason.toStdString();
  EXPECT_EQ(on->exit_reason.toStdString(),
            "killed by the sandbox: syscall " + std::to_string(SYS_bpf) + " (bpf)");
  auto off = testChild("forbidden-syscall", Sandbox::kOff);
  ASSERT_TRUE(waitUntil([&] { return off->exits == 1; }, 5s));
  EXPECT_EQ(off->exit_reason.toStdString(), "exited with code 3");
}

TEST(Sandbox, EscapeAttemptsFailWithEpermWithoutKillingTheChild) {
  auto on = testChild("escape-attempts", Sandbox::kOn);
  ASSERT_TRUE(waitUntil([&] { return on->exits == 1; }, 5s));
  EXPECT_EQ(on->exit_reason.toStdString(), "exited with code 0") << on->logs;
  EXPECT_NE(on->logs.find(
                "escape-attempts: openat=EPERM socket=EPERM execve=EPERM fork=EPERM kill=EPERM"),
            std::string::npos)
      << on->logs;
  auto off = testChild("escape-attempts", Sandbox::kOff);
  ASSERT_TRUE(waitUntil([&] { return off->exits == 1; }, 5s));
  EXPECT_NE(off->exit_reason.toStdString(), "exited with code 0") << off->logs;
}

// pid 1 of a namespace ignores its own raise(); the namespace init keeps the program off pid 1.
TEST(Sandbox, ExitReasonsAreTheSameUnderTheSandbox) {
  const std::pair<wire::DebugFault::Kind, QString> faults[] = {
      {wire::DebugFault::KIND_SEGV, "crashed: SIGSEGV (11)"},
      {wire::DebugFault::KIND_ABORT, "crashed: SIGABRT (6)"},
      {wire::DebugFault::KIND_EXIT, "exited with code 7"}};
  for (const auto& [kind, expected] : faults) {
    auto on = renderer(Sandbox::kOn);
    wire::Envelope fault;
    fault.mutable_debug_fault()->set_kind(kind);
    fault.mutable_debug_fault()->set_exit_code(7);
    ASSERT_TRUE(on->host->send(fault));
    ASSERT_TRUE(waitUntil([&] { return on->exits == 1; }, 5s)) << expected.toStdString();
    EXPECT_EQ(on->exit_reason.toStdString(), expected.toStdString());
  }
  for (const auto& [signal, expected] : {std::pair{SIGKILL, QString("killed by SIGKILL (9)")},
                                         std::pair{SIGTERM, QString("killed by SIGTERM (15)")}}) {
    auto on = renderer(Sandbox::kOn);
    ASSERT_EQ(::kill(on->host->pid(), signal), 0);  // from a shell, by the pid the browser shows
    ASSERT_TRUE(waitUntil([&] { return on->exits == 1; }, 5s));
    EXPECT_EQ(on->exit_reason.toStdString(), expected.toStdString());
  }
  auto aborting = testChild("abort", Sandbox::kOn);
  ASSERT_TRUE(waitUntil([&] { return aborting->exits == 1; }, 5s));
  EXPECT_EQ(aborting->exit_reason.toStdString(), "crashed: SIGABRT (6)");
  EXPECT_TRUE(sb::testing::zombieChildrenOf(::getpid()).empty());
}

TEST(Sandbox, TheBrowserOptionReachesItsRenderers) {
  for (const bool sandbox : {true, false}) {
    Browser browser(Browser::Options{.sandbox = sandbox});
    const int tab = std::get<int>(browser.openTab("demo://home"));
    ASSERT_TRUE(waitUntil([&] { return browser.tab(tab)->state == TabState::kLoaded; }, 5s));
    const ProcessHost* host = browser.tab(tab)->renderer;
    ASSERT_NE(host, nullptr);
    EXPECT_EQ(statusField(host->pid(), "Seccomp"), sandbox ? "2" : "0");
    EXPECT_EQ(host->hello().sandbox().enabled(), sandbox);
  }
}

}  // namespace
}  // namespace sb::browser
