// A compromised renderer must not be able to get the GPU process killed: the GPU process is shared
// by every tab, and three of its deaths put the whole browser in software mode.
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

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::GpuWatch;
using sb::testing::hasFreshFrame;
using sb::testing::openLoaded;
using sb::testing::runningGpuPid;
using sb::testing::waitForState;
using sb::testing::waitUntil;

// A directory anyone may write to (the renderer deletes its trigger there from inside its
// namespaces), removed with everything in it.
struct SharedTempDir {
  SharedTempDir() {
    char pattern[] = "/tmp/sb-gpu-flood-XXXXXX";
    if (::mkdtemp(pattern)) path = pattern;
    ::chmod(path.c_str(), 0777);
  }
  ~SharedTempDir() {
    std::error_code error;
    if (!path.empty()) std::filesystem::remove_all(path, error);
  }
  std::string path;
};

// sb-hostile-renderer --mode=flood: valid display lists for its own tab, as fast as it can. Each
// one the browser admits (bursts of up to 2000) becomes a RasterizeFrame for the GPU process.
TEST(GpuIsolation, ARendererFloodingDisplayListsDoesNotGetTheGpuProcessKilled) {
  const SharedTempDir dir;
  ASSERT_FALSE(dir.path.empty());
  const std::string trigger = dir.path + "/armed";

  Browser::Options options;
  options.renderer_cmd_prefix = {process::currentExecutableDir() + "/sb-hostile-renderer",
                                 "--mode=flood", "--trigger=" + trigger};
  Browser browser(options);
  GpuWatch watch(browser.gpu());
  const int clock = openLoaded(browser, "demo://clock");
  ASSERT_GT(clock, 0);
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), clock); }, 15s));
  const qint64 gpu_pid = runningGpuPid(browser.gpu());

  ::close(::open(trigger.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0666));
  const auto opened = browser.openTab("demo://home");
  ASSERT_TRUE(std::holds_alternative<int>(opened));
  const int flooder = std::get<int>(opened);
  // The flood ends with the renderer killed for it; the GPU process must still be the same.
  EXPECT_TRUE(waitForState(browser, flooder, TabState::kCrashed, 20s));
  EXPECT_NE(::access(trigger.c_str(), F_OK), 0) << "the flooding renderer never ran";
  sb::testing::spinFor(500ms);

  for (const auto& exit : watch.exits())
    ADD_FAILURE() << "GPU process " << exit.pid << ": " << exit.reason;
  EXPECT_EQ(browser.gpu().totalCrashes(), 0);
  EXPECT_EQ(runningGpuPid(browser.gpu()), gpu_pid);
  const uint64_t before = browser.gpu().frame(clock) ? browser.gpu().frame(clock)->frame_number : 0;
  EXPECT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), clock, before); }, 10s));
}

}  // namespace
}  // namespace sb::browser
