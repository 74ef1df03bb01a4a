#pragma once

// Watching a Browser's GPU process from the integration tests: which processes were started, why
// each one went, and waits for fresh frames.

#include <gtest/gtest.h>
#include <sys/types.h>

#include <QObject>
#include <QString>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/gpu_host.h"
#include "apps/browser/core/process_host.h"
#include "tests/support/qt_wait.h"

namespace sb::testing {

// Every GPU process a GpuHost starts and every exit reason, in order. GpuHost forgets its old
// ProcessHost (deleteLater) once it has died, so the reason is caught from ProcessHost::exited,
// connected as each process is launched.
class GpuWatch {
 public:
  struct Exit {
    qint64 pid = 0;
    std::string reason;
  };

  explicit GpuWatch(browser::GpuHost& gpu) : gpu_(gpu) {
    QObject::connect(&gpu, &browser::GpuHost::processStarted, &context_, [this](qint64 pid) {
      launched_.push_back(pid);
      const browser::ProcessHost* host = gpu_.process();
      if (!host) return;
      QObject::connect(host, &browser::ProcessHost::exited, &context_,
                       [this, pid](const QString& reason) {
                         exits_.push_back({pid, reason.toStdString()});
                       });
    });
  }

  const std::vector<qint64>& launched() const { return launched_; }
  const std::vector<Exit>& exits() const { return exits_; }

 private:
  browser::GpuHost& gpu_;
  QObject context_;
  std::vector<qint64> launched_;
  std::vector<Exit> exits_;
};

// The pid of the GPU process once it said Hello; 0 while there is none.
inline qint64 runningGpuPid(const browser::GpuHost& gpu) {
  if (gpu.mode() != browser::GpuHost::Mode::kRunning || !gpu.process()) return 0;
  if (gpu.process()->state() != browser::ProcessHost::State::kRunning) return 0;
  return gpu.process()->pid();
}

// Waits for a running GPU process other than `previous`; its pid, or 0 (and a failure).
inline qint64 waitForNewGpu(const browser::GpuHost& gpu, qint64 previous,
                            std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
  qint64 pid = 0;
  const bool ok = waitUntil(
      [&] {
        pid = runningGpuPid(gpu);
        return pid != 0 && pid != previous;
      },
      timeout);
  if (!ok) {
    ADD_FAILURE() << "no new GPU process (mode " << browser::gpuModeName(gpu.mode()) << ", "
                  << gpu.statusText().toStdString() << ")";
    return 0;
  }
  return pid;
}

// A frame from the live GPU process with a number above `after`.
inline bool hasFreshFrame(const browser::GpuHost& gpu, int tab, uint64_t after = 0) {
  const browser::GpuHost::Frame* frame = gpu.frame(tab);
  return frame && !frame->stale && frame->frame_number > after && !frame->image.isNull();
}

// Waits until each tab (key) has a fresh frame numbered above its value.
inline bool waitForFreshFrames(const browser::GpuHost& gpu, const std::map<int, uint64_t>& after,
                               std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  return waitUntil(
      [&] {
        for (const auto& [tab, number] : after) {
          if (!hasFreshFrame(gpu, tab, number)) return false;
        }
        return true;
      },
      timeout);
}

// The frame number each tab shows now (0 without a frame).
inline std::map<int, uint64_t> frameNumbers(const browser::GpuHost& gpu,
                                            const std::vector<int>& tabs) {
  std::map<int, uint64_t> numbers;
  for (int tab : tabs) {
    const browser::GpuHost::Frame* frame = gpu.frame(tab);
    numbers[tab] = frame ? frame->frame_number : 0;
  }
  return numbers;
}

inline std::string readProcFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value of "Name:" in /proc/PID/status, e.g. "2" for Seccomp; "<missing>" if absent.
inline std::string procStatusField(pid_t pid, const std::string& name) {
  std::istringstream lines(readProcFile("/proc/" + std::to_string(pid) + "/status"));
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind(name + ":\t", 0) == 0) return line.substr(name.size() + 2);
  }
  return "<missing>";
}

inline std::string namespaceLink(const std::string& proc, const std::string& ns) {
  std::error_code error;
  return std::filesystem::read_symlink("/proc/" + proc + "/ns/" + ns, error).string();
}

}  // namespace sb::testing
