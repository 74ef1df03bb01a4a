#include "common/process/crash_note.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>

namespace sb::process {

std::string drainCrashPipe(int fd) {
  std::string note;
  char buffer[4096];
  while (note.size() < kMaxCrashNoteBytes) {
    const ssize_t got =
        ::read(fd, buffer, std::min(sizeof(buffer), kMaxCrashNoteBytes - note.size()));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;  // EOF, or EAGAIN: nothing more was written
    note.append(buffer, static_cast<size_t>(got));
  }
  return note;
}

std::optional<std::string> sandboxViolation(std::string_view note) {
  constexpr std::string_view kPrefix = "sandbox: syscall ";
  size_t at = 0;
  while (at < note.size()) {
    const size_t end = std::min(note.find('\n', at), note.size());
    std::string_view line = note.substr(at, end - at);
    at = end + 1;
    if (line.substr(0, kPrefix.size()) != kPrefix) continue;
    line.remove_prefix(kPrefix.size());
    std::string number;
    while (!line.empty() && std::isdigit(static_cast<unsigned char>(line.front())) &&
           number.size() < 6) {
      number += line.front();
      line.remove_prefix(1);
    }
    if (number.empty()) continue;
    std::string text = "syscall " + number;
    if (line.substr(0, 2) == " (") {
      std::string name;
      for (size_t i = 2; i < line.size() && line[i] != ')' && name.size() < 32; ++i) {
        const char c = line[i];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') name += c;
      }
      if (!name.empty()) text += " (" + name + ")";
    }
    return text;
  }
  return std::nullopt;
}

std::string describeExit(const ExitStatus& status, std::string_view crash_note) {
  if (status.kind != ExitStatus::Kind::kExited && status.signal == SIGSYS) {
    if (auto violation = sandboxViolation(crash_note)) {
      return "killed by the sandbox: " + *violation;
    }
  }
  return status.describe();
}

}  // namespace sb::process
