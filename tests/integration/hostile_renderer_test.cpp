// A compromised renderer (hostile_renderer.cpp) that speaks the protocol just well enough to be
// let in and then does one hostile thing. The browser must kill it with a bad-message reason and
// never crash, hang or stop serving its other tabs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QTimer>
#include <string>

#include "apps/browser/core/browser.h"
#include "common/process/command_line.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::keepsAnimating;
using sb::testing::openLoaded;
using sb::testing::waitForState;

struct HostileCase {
  const char* mode;
  const char* reason;  // what the reason must contain besides "bad IPC message"
};

void PrintTo(const HostileCase& c, std::ostream* os) { *os << c.mode; }

// Measures the longest stretch in which the test's own event loop ran nothing.
class LoopWatch {
 public:
  LoopWatch() {
    QObject::connect(&timer_, &QTimer::timeout,
                     [this] { longest_ms_ = std::max(longest_ms_, since_.restart()); });
    since_.start();
    timer_.start(10);
  }
  qint64 longestGapMs() const { return longest_ms_; }

 private:
  QTimer timer_;
  QElapsedTimer since_;
  qint64 longest_ms_ = 0;
};

class HostileRenderer : public ::testing::TestWithParam<HostileCase> {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb-hostile-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    // Whoever the renderer runs as inside its namespaces may delete the trigger.
    ::chmod(dir_.c_str(), 0777);
    trigger_ = dir_ + "/armed";
  }
  void TearDown() override {
    ::unlink(trigger_.c_str());
    ::rmdir(dir_.c_str());
  }

  Browser::Options options() const {
    Browser::Options options;
    options.renderer_cmd_prefix = {process::currentExecutableDir() + "/sb-hostile-renderer",
                                   std::string("--mode=") + GetParam().mode,
                                   "--trigger=" + trigger_};
    return options;
  }
  // The next renderer launched turns hostile; all others are the real one.
  void arm() const { ::close(::open(trigger_.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666)); }
  bool armed() const { return ::access(trigger_.c_str(), F_OK) == 0; }

  std::string dir_;
  std::string trigger_;
};

TEST_P(HostileRenderer, IsKilledForItWhileTheBrowserCarriesOn) {
  LoopWatch watch;
  Browser browser(options());
  const int clock = openLoaded(browser, "demo://clock");
  ASSERT_GT(clock, 0);

  arm();
  const auto opened = browser.openTab("demo://home");
  ASSERT_TRUE(std::holds_alternative<int>(opened));
  const int hostile = std::get<int>(opened);
  ASSERT_TRUE(waitForState(browser, hostile, TabState::kCrashed, 15s))
      << "state " << tabStateName(browser.tab(hostile)->state);
  EXPECT_FALSE(armed()) << "the hostile renderer never ran";

  const std::string reason = browser.tab(hostile)->crash_reason.toStdString();
  EXPECT_NE(reason.find("bad IPC message"), std::string::npos) << reason;
  EXPECT_NE(reason.find(GetParam().reason), std::string::npos) << reason;
  EXPECT_FALSE(sb::testing::processAlive(static_cast<pid_t>(browser.tab(hostile)->crashed_pid)));

  EXPECT_EQ(browser.tab(clock)->state, TabState::kLoaded);
  EXPECT_TRUE(keepsAnimating(browser, clock));
  const int after = openLoaded(browser, "demo://form");
  EXPECT_GT(after, 0);
  EXPECT_LT(watch.longestGapMs(), 1000) << "the event loop stalled";
}

INSTANTIATE_TEST_SUITE_P(
    Browser, HostileRenderer,
    ::testing::Values(HostileCase{"garbage", "frame too large"},
                      HostileCase{"oversize", "frame too large: 4294967295 bytes announced"},
                      HostileCase{"zero-length", "zero-length frame"},
                      HostileCase{"before-hello", "first message is not Hello"},
                      HostileCase{"other-tab", "spoke for tab 1, which it does not host"},
                      HostileCase{"open-url-other-tab", "spoke for tab 1, which it does not host"},
                      HostileCase{"future-navigation", "which the browser never issued"},
                      HostileCase{"huge-count", "100000 display items, limit 5000"},
                      HostileCase{"huge-log", "LogRecord text of 1048576 bytes, limit 4096"},
                      HostileCase{"fds", "a renderer may not send file descriptors"},
                      HostileCase{"flood", "message flood: "}),
    [](const auto& info) {
      std::string name = info.param.mode;
      std::erase(name, '-');
      return name;
    });

}  // namespace
}  // namespace sb::browser
