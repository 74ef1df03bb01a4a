// ProcessHost with real child processes: launch, handshake, every way to die, and no leftovers.
#include "apps/browser/core/process_host.h"

#include <signal.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/proc_inspect.h"
#include "tests/support/qt_wait.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::waitUntil;

struct Watched {
  std::unique_ptr<ProcessHost> host;
  int ready = 0;
  int exits = 0;
  int launch_failures = 0;
  QString exit_reason;
  QString failure;
};

std::unique_ptr<Watched> startChild(const std::string& executable, std::vector<std::string> args = {},
                                    wire::ProcessKind kind = wire::PROCESS_KIND_TEST,
                                    std::chrono::milliseconds hello_timeout = 10s) {
  auto w = std::make_unique<Watched>();
  ProcessHost::Config config;
  config.kind = kind;
  config.executable = executable;
  config.arguments = std::move(args);
  config.hello_timeout = hello_timeout;
  w->host = std::make_unique<ProcessHost>(config);
  Watched* raw = w.get();
  QObject::connect(raw->host.get(), &ProcessHost::ready, [raw] { ++raw->ready; });
  QObject::connect(raw->host.get(), &ProcessHost::exited, [raw](const QString& reason) {
    ++raw->exits;
    raw->exit_reason = reason;
  });
  QObject::connect(raw->host.get(), &ProcessHost::launchFailed, [raw](const QString& message) {
    ++raw->launch_failures;
    raw->failure = message;
  });
  raw->host->start();
  return w;
}

std::unique_ptr<Watched> startTestChild(const std::string& mode, std::chrono::milliseconds hello_timeout = 10s) {
  return startChild("sb-test-child", {"--mode=" + mode}, wire::PROCESS_KIND_TEST, hello_timeout);
}

TEST(ProcessHost, RendererSaysHelloWithinABound) {
  auto w = startChild("sandbrowser-renderer", {}, wire::PROCESS_KIND_RENDERER);
  ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
  EXPECT_EQ(w->host->hello().kind(), wire::PROCESS_KIND_RENDERER);
  EXPECT_EQ(w->host->state(), ProcessHost::State::kRunning);
  EXPECT_GT(w->host->pid(), 0);
}

TEST(ProcessHost, PingIsAnsweredWithAPongForTheSameSeq) {
  auto w = startChild("sandbrowser-renderer", {}, wire::PROCESS_KIND_RENDERER);
  ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
  uint64_t answered = 0;
  std::string payload;
  w->host->setMessageHandler([&](ProcessHost&, ipc::Message&& m) {
    if (m.envelope.has_pong()) {
      answered = m.envelope.reply_to();
      payload = m.envelope.pong().payload();
    }
  });
  wire::Envelope ping;
  ping.mutable_ping()->set_payload("are you there");
  ASSERT_TRUE(w->host->send(ping));
  ASSERT_TRUE(waitUntil([&] { return answered != 0; }, 5s));
  EXPECT_EQ(answered, ping.seq());
  EXPECT_EQ(payload, "are you there");
}

TEST(ProcessHost, ACommandPrefixWrapsTheChild) {
  // `env` stands in for gdb/strace/valgrind: it execs the real child, which still finds fd 3.
  ProcessHost::Config config;
  config.kind = wire::PROCESS_KIND_RENDERER;
  config.executable = "sandbrowser-renderer";
  config.command_prefix = {"env", "SANDBROWSER_WRAPPED=1"};
  ProcessHost host(config);
  bool ready = false;
  QObject::connect(&host, &ProcessHost::ready, [&] { ready = true; });
  host.start();
  ASSERT_TRUE(waitUntil([&] { return ready; }, 5s));
  std::ifstream environ("/proc/" + std::to_string(host.pid()) + "/environ");
  std::string env((std::istreambuf_iterator<char>(environ)), std::istreambuf_iterator<char>());
  EXPECT_NE(env.find("SANDBROWSER_WRAPPED=1"), std::string::npos);
}

TEST(ProcessHost, ChildrenMayNotWriteCoreFiles) {
  auto w = startTestChild("normal");
  ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
  std::ifstream limits("/proc/" + std::to_string(w->host->pid()) + "/limits");
  std::string line;
  bool found = false;
  while (std::getline(limits, line)) {
    if (line.rfind("Max core file size", 0) == 0) {
      found = true;
      EXPECT_NE(line.find(" 0 "), std::string::npos) << line;
    }
  }
  EXPECT_TRUE(found);
}

TEST(ProcessHost, ShutdownEndsTheChildWithCodeZero) {
  auto w = startChild("sandbrowser-renderer", {}, wire::PROCESS_KIND_RENDERER);
  ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
  w->host->shutdown("test over");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_EQ(w->exit_reason, "exited with code 0");
}

TEST(ProcessHost, KillNineIsReportedOnceAsSigkill) {
  auto w = startTestChild("normal");
  ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
  ASSERT_EQ(::kill(w->host->pid(), SIGKILL), 0);  // from outside, as a user's shell would
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_EQ(w->exit_reason, "killed by SIGKILL (9)");
  sb::testing::spinFor(200ms);
  EXPECT_EQ(w->exits, 1);
}

TEST(ProcessHost, AbortIsReportedAsSigabrt) {
  auto w = startTestChild("abort");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_TRUE(w->exit_reason.startsWith("crashed: SIGABRT (6)")) << w->exit_reason.toStdString();
}

TEST(ProcessHost, ExitCodeIsReported) {
  auto w = startTestChild("exit=3");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_EQ(w->exit_reason, "exited with code 3");
}

TEST(ProcessHost, MissingBinaryIsALaunchFailureNotAHang) {
  auto w = startChild("sandbrowser-no-such-binary");
  ASSERT_TRUE(waitUntil([&] { return w->launch_failures == 1; }, 5s));
  EXPECT_TRUE(w->failure.contains("cannot find executable")) << w->failure.toStdString();
  EXPECT_EQ(w->host->state(), ProcessHost::State::kLaunchFailed);
}

TEST(ProcessHost, NonExecutableFileIsALaunchFailureWithErrno) {
  auto w = startChild("/etc/hostname");
  ASSERT_TRUE(waitUntil([&] { return w->launch_failures == 1; }, 5s));
  EXPECT_FALSE(w->failure.isEmpty());
}

TEST(ProcessHost, GarbageFromTheChildIsABadMessageAndKillsIt) {
  auto w = startTestChild("garbage");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_TRUE(w->exit_reason.startsWith("test terminated: bad IPC message (")) << w->exit_reason.toStdString();
}

TEST(ProcessHost, WrongKindInHelloIsABadMessage) {
  auto w = startTestChild("wrong-kind");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_TRUE(w->exit_reason.contains("Hello says gpu")) << w->exit_reason.toStdString();
  EXPECT_EQ(w->ready, 0);
}

TEST(ProcessHost, ProtocolVersionMismatchIsAClearError) {
  auto w = startTestChild("bad-version");
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_TRUE(w->exit_reason.contains("protocol version 99")) << w->exit_reason.toStdString();
}

TEST(ProcessHost, NoHelloInTimeIsReportedNotAHang) {
  auto w = startTestChild("silent", 300ms);
  ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s));
  EXPECT_TRUE(w->exit_reason.contains("no Hello within 300 ms")) << w->exit_reason.toStdString();
}

TEST(ProcessHost, FiftySpawnKillCyclesLeaveNoZombieAndNoLeakedFd) {
  // Warm up once so lazily opened descriptors (Qt's, the logger's) are counted in the baseline.
  { auto w = startTestChild("normal"); waitUntil([&] { return w->ready == 1; }, 5s); }
  const int fds_before = sb::testing::countOpenFds();
  for (int i = 0; i < 50; ++i) {
    auto w = startTestChild("normal");
    ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s)) << "cycle " << i;
    w->host->sendSignal(SIGKILL);
    ASSERT_TRUE(waitUntil([&] { return w->exits == 1; }, 5s)) << "cycle " << i;
  }
  sb::testing::spinFor(50ms);
  EXPECT_TRUE(sb::testing::zombieChildrenOf(::getpid()).empty());
  EXPECT_TRUE(sb::testing::childrenOf(::getpid()).empty());
  EXPECT_EQ(sb::testing::countOpenFds(), fds_before);
}

TEST(ProcessHost, DestroyingAHostKillsAndReapsItsChild) {
  pid_t pid = 0;
  {
    auto w = startTestChild("normal");
    ASSERT_TRUE(waitUntil([&] { return w->ready == 1; }, 5s));
    pid = w->host->pid();
  }
  EXPECT_FALSE(sb::testing::processAlive(pid));
  EXPECT_TRUE(sb::testing::zombieChildrenOf(::getpid()).empty());
}

}  // namespace
}  // namespace sb::browser
