#include "apps/renderer/process/sandbox_probes/browser_process.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string_view>
#include <vector>

#include "common/base/unique_fd.h"
#include "common/process/zygote_protocol.h"

namespace sb::renderer::probes {
namespace {

constexpr size_t kMaxProcFileBytes = 64 * 1024;

struct FileText {
  int error = 0;
  std::string text;
};

// Reads a small /proc file whole (they report a size of 0, so read until EOF).
FileText readProcFile(const std::string& path) {
  FileText result;
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    result.error = errno;
    return result;
  }
  char buffer[4096];
  while (result.text.size() < kMaxProcFileBytes) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      result.error = errno;
      return result;
    }
    if (got == 0) break;
    result.text.append(buffer, static_cast<size_t>(got));
  }
  return result;
}

bool isZygote(pid_t pid) {
  const FileText cmdline = readProcFile("/proc/" + std::to_string(pid) + "/cmdline");
  const std::string flag = std::string(process::kZygoteFlag) + '\0';
  return !cmdline.error && cmdline.text.find(flag) != std::string::npos;
}

// The fourth field of /proc/PID/stat, after the command name in parentheses; -1 if unreadable.
pid_t parentOf(pid_t pid) {
  const FileText stat = readProcFile("/proc/" + std::to_string(pid) + "/stat");
  const size_t name_end = stat.text.rfind(')');
  if (stat.error || name_end == std::string::npos || name_end + 4 >= stat.text.size()) return -1;
  const char* begin = stat.text.data() + name_end + 4;  // past ") S "
  pid_t parent = -1;
  std::from_chars(begin, stat.text.data() + stat.text.size(), parent);
  return parent;
}

}  // namespace

BrowserLookup findBrowser() {
  errno = 0;
  pid_t parent = ::getppid();
  if (parent < 0) return {std::nullopt, ProbeOutcome::denied(errno ? errno : EPERM, "getppid")};
  // Forked by the zygote, an attacker would look one step further up for the browser.
  if (parent > 1 && isZygote(parent)) parent = parentOf(parent);
  if (parent <= 1) {
    return {std::nullopt, ProbeOutcome::denied(0, "the browser is not visible (getppid() = " +
                                                      std::to_string(parent) + ")")};
  }
  return {parent, {}};
}

ControlSocketLookup findControlSocket(pid_t browser) {
  ControlSocketLookup lookup;
  FileText cmdline = readProcFile("/proc/" + std::to_string(browser) + "/cmdline");
  if (cmdline.error) {
    lookup.error = cmdline.error;
    return lookup;
  }
  // NUL-separated arguments; Qt's parser takes "--control-socket PATH" and "--control-socket=PATH".
  constexpr std::string_view kFlag = "--control-socket";
  std::vector<std::string_view> args;
  std::string_view rest = cmdline.text;
  while (!rest.empty()) {
    const size_t end = rest.find('\0');
    args.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == kFlag && i + 1 < args.size()) lookup.path = std::string(args[i + 1]);
    if (args[i].starts_with(kFlag) && args[i].size() > kFlag.size() &&
        args[i][kFlag.size()] == '=') {
      lookup.path = std::string(args[i].substr(kFlag.size() + 1));
    }
  }
  // A relative path is relative to the browser's working directory, not ours.
  if (lookup.path && !lookup.path->starts_with('/')) {
    lookup.path = "/proc/" + std::to_string(browser) + "/cwd/" + *lookup.path;
  }
  return lookup;
}

FirstMapping firstMappedAddress(pid_t pid) {
  FirstMapping mapping;
  FileText maps = readProcFile("/proc/" + std::to_string(pid) + "/maps");
  if (maps.error) {
    mapping.error = maps.error;
    return mapping;
  }
  const char* begin = maps.text.data();
  const auto [end, ec] = std::from_chars(begin, begin + maps.text.size(), mapping.address, 16);
  if (ec != std::errc() || end == begin) mapping.error = EINVAL;
  return mapping;
}

}  // namespace sb::renderer::probes
