// A compromised GPU process (fake_gpu.cpp) that speaks the protocol and breaks it in one way. The
// browser must kill it with a bad-message reason naming the problem, start a new GPU process and
// keep every tab as it was.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "apps/browser/core/browser.h"
#include "common/process/command_line.h"
#include "tests/integration/gpu_waits.h"
#include "tests/integration/tab_waits.h"
#include "tests/support/proc_inspect.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::GpuWatch;
using sb::testing::hasFreshFrame;
using sb::testing::openLoaded;
using sb::testing::runningGpuPid;
using sb::testing::waitUntil;

constexpr QRgb kFakeFill = 0xFF3366CC;  // what a well-behaved sb-fake-gpu paints

struct BadGpuCase {
  const char* mode;
  const char* reason;  // what the exit reason must contain besides "bad IPC message"
};

void PrintTo(const BadGpuCase& c, std::ostream* os) { *os << c.mode; }

class GpuBadMessages : public ::testing::TestWithParam<BadGpuCase> {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb-fake-gpu-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
    // Whoever the fake runs as inside its namespaces deletes the trigger.
    ::chmod(dir_.c_str(), 0777);
    // Browser starts its GPU process with no arguments of ours: the mode is in the name.
    executable_ = dir_ + "/sb-fake-gpu." + GetParam().mode;
    const std::string target = process::currentExecutableDir() + "/sb-fake-gpu";
    ASSERT_EQ(::access(target.c_str(), X_OK), 0) << target;
    ASSERT_EQ(::symlink(target.c_str(), executable_.c_str()), 0);
    trigger_ = executable_ + ".armed";
    ::close(::open(trigger_.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666));
  }
  void TearDown() override {
    std::error_code error;
    std::filesystem::remove_all(dir_, error);
  }

  std::string dir_;
  std::string executable_;
  std::string trigger_;
};

TEST_P(GpuBadMessages, TheGpuProcessIsKilledAndReplacedWhileTabsCarryOn) {
  Browser::Options options;
  options.gpu_executable = executable_;
  options.gpu_crash_limit = 100;
  Browser browser(options);
  GpuWatch watch(browser.gpu());

  const int tab = openLoaded(browser, "demo://home");
  ASSERT_GT(tab, 0);
  const qint64 renderer = browser.tab(tab)->renderer_pid;
  ASSERT_TRUE(waitUntil([&] { return !watch.exits().empty(); }, 15s))
      << "the fake was not killed; " << browser.gpu().statusText().toStdString();
  EXPECT_NE(::access(trigger_.c_str(), F_OK), 0) << "the hostile fake never ran";

  const auto& killed = watch.exits().front();
  EXPECT_NE(killed.reason.find("bad IPC message"), std::string::npos) << killed.reason;
  EXPECT_NE(killed.reason.find(GetParam().reason), std::string::npos) << killed.reason;
  ASSERT_GE(watch.launched().size(), 1u);
  EXPECT_EQ(killed.pid, watch.launched().front());
  EXPECT_FALSE(sb::testing::processAlive(static_cast<pid_t>(killed.pid)));

  // A new (well-behaved) GPU process paints the tab; the renderer never noticed.
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), tab); }, 15s))
      << browser.gpu().statusText().toStdString();
  EXPECT_EQ(watch.launched().size(), 2u);
  EXPECT_EQ(watch.exits().size(), 1u);
  const qint64 replacement = runningGpuPid(browser.gpu());
  EXPECT_GT(replacement, 0);
  EXPECT_NE(replacement, killed.pid);
  EXPECT_EQ(browser.gpu().totalCrashes(), 1);
  EXPECT_FALSE(browser.gpu().softwareFallback());
  const auto* frame = browser.gpu().frame(tab);
  ASSERT_NE(frame, nullptr);
  EXPECT_EQ(frame->image.pixel(0, 0), kFakeFill);
  EXPECT_EQ(frame->image.pixel(frame->image.width() - 1, frame->image.height() - 1), kFakeFill);

  const Tab* t = browser.tab(tab);
  EXPECT_EQ(t->state, TabState::kLoaded)
      << tabStateName(t->state) << " " << t->crash_reason.toStdString();
  EXPECT_EQ(t->renderer_pid, renderer);
  EXPECT_TRUE(sb::testing::processAlive(static_cast<pid_t>(renderer)));
}

INSTANTIATE_TEST_SUITE_P(
    Gpu, GpuBadMessages,
    ::testing::Values(
        BadGpuCase{"unknown-surface",
                   "FrameReady for surface 2147483647, which the browser never created"},
        BadGpuCase{"index-out-of-range", "FrameReady: buffer index 2 out of range"},
        BadGpuCase{"held-buffer", "FrameReady: buffer 0 is held by the browser"},
        BadGpuCase{"damage-outside", "FrameReady: damage rect outside the surface"},
        BadGpuCase{"never-asked-frame", "was never asked for"},
        BadGpuCase{"frame-before-created", "FrameReady: the surface has no memory yet"},
        BadGpuCase{"fd-with-frame", "frame_ready with 1 file descriptors, expected 0"},
        BadGpuCase{"wrong-size-fd",
                   "SurfaceCreated: memory: memfd holds 2867200 bytes, 5734400 needed"},
        BadGpuCase{"unsealed-fd", "SurfaceCreated: memory: memfd not sealed against shrinking"},
        BadGpuCase{"not-memfd", "SurfaceCreated: memory: not a memfd"},
        BadGpuCase{"wrong-size", "SurfaceCreated: size 1025x700 is not the size asked for"},
        BadGpuCase{"small-stride", "SurfaceCreated: stride 4092 out of range"},
        BadGpuCase{"no-fd", "surface_created with 0 file descriptors, expected 1"},
        BadGpuCase{"second-created", "SurfaceCreated: the surface was already created"},
        BadGpuCase{"bad-buffer-count", "SurfaceCreated: 3 buffers, expected 2"}),
    [](const auto& info) {
      std::string name = info.param.mode;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace sb::browser
