// The GPU process, seen from outside through /proc: sandboxed like a renderer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "apps/browser/core/browser.h"
#include "tests/integration/gpu_waits.h"
#include "tests/integration/tab_waits.h"

namespace sb::browser {
namespace {

using namespace std::chrono_literals;
using sb::testing::hasFreshFrame;
using sb::testing::namespaceLink;
using sb::testing::openLoaded;
using sb::testing::procStatusField;
using sb::testing::runningGpuPid;
using sb::testing::waitUntil;

TEST(GpuSandbox, TheGpuProcessIsSandboxed) {
  Browser browser({});
  const int tab = openLoaded(browser, "demo://home");
  ASSERT_GT(tab, 0);
  // After a frame: surfaces are made after the sandbox engaged, and painting must not add threads.
  ASSERT_TRUE(waitUntil([&] { return hasFreshFrame(browser.gpu(), tab); }, 15s))
      << browser.gpu().statusText().toStdString();
  const qint64 pid = runningGpuPid(browser.gpu());
  ASSERT_GT(pid, 0);
  const auto gpu = static_cast<pid_t>(pid);

  EXPECT_EQ(procStatusField(gpu, "Seccomp"), "2");
  EXPECT_EQ(procStatusField(gpu, "NoNewPrivs"), "1");
  EXPECT_EQ(procStatusField(gpu, "Threads"), "1");
  EXPECT_EQ(procStatusField(gpu, "CapEff"), "0000000000000000");
  for (const char* ns : {"pid", "net", "ipc", "user"}) {
    const std::string ours = namespaceLink("self", ns);
    ASSERT_FALSE(ours.empty()) << ns;
    EXPECT_NE(namespaceLink(std::to_string(gpu), ns), ours) << ns;
  }

  const ProcessHost* host = browser.gpu().process();
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->hello().kind(), wire::PROCESS_KIND_GPU);
  EXPECT_TRUE(host->hello().sandbox().enabled());
  std::vector<std::string> names;
  for (const auto& layer : host->sandboxLayers()) {
    names.push_back(layer.name());
    EXPECT_TRUE(layer.engaged()) << layer.name() << ": " << layer.detail();
  }
  const std::vector<std::string> expected{"user-namespace", "pid-namespace",    "net-namespace",
                                          "ipc-namespace",  "die-with-browser", "no-new-privs",
                                          "non-dumpable",   "close-fds",        "rlimits",
                                          "capabilities",   "landlock",         "seccomp-bpf"};
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace sb::browser
