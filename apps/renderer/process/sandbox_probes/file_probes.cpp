// Escape attempts on the filesystem: reading, writing and listing what is not the renderer's.
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "apps/renderer/process/sandbox_probes/probe_functions.h"
#include "common/base/unique_fd.h"

namespace sb::renderer::probes {
namespace {

constexpr size_t kMaxShownBytes = 48;
constexpr int kMaxShownEntries = 4;

// Printable ASCII only: the text ends up in a display list, which must be valid UTF-8.
std::string shown(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, kMaxShownBytes)) {
    out += (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  if (text.size() > kMaxShownBytes) out += "...";
  return out;
}

}  // namespace

ProbeOutcome readPasswd() {
  UniqueFd fd(::open("/etc/passwd", O_RDONLY | O_CLOEXEC));
  if (!fd) return ProbeOutcome::denied(errno);
  char buffer[256];
  ssize_t got;
  do {
    got = ::read(fd.get(), buffer, sizeof(buffer));
  } while (got < 0 && errno == EINTR);
  if (got < 0) return ProbeOutcome::denied(errno, "opened, but read failed");
  std::string_view text(buffer, static_cast<size_t>(got));
  return ProbeOutcome::allowed("first line \"" + shown(text.substr(0, text.find('\n'))) + "\"");
}

ProbeOutcome writeTmpFile() {
  std::string path = "/tmp/sandbrowser-probe-XXXXXX";
  UniqueFd fd(::mkostemp(path.data(), O_CLOEXEC));
  if (!fd) return ProbeOutcome::denied(errno);
  constexpr std::string_view kContent = "written by demo://sandbox\n";
  const ssize_t written = ::write(fd.get(), kContent.data(), kContent.size());
  const int write_error = written < 0 ? errno : 0;
  // Deleted whatever happened next: the probe must not leave the file behind.
  const bool removed = ::unlink(path.c_str()) == 0;
  if (write_error)
    return ProbeOutcome::denied(write_error, "created " + path + ", but write failed");
  return ProbeOutcome::allowed("created " + path + ", wrote " + std::to_string(written) +
                               " bytes, " + (removed ? "deleted it" : "could not delete it"));
}

ProbeOutcome listRoot() {
  DIR* dir = ::opendir("/");
  if (!dir) return ProbeOutcome::denied(errno);
  int count = 0;
  std::string names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    if (count < kMaxShownEntries) names += (count ? ", " : "") + shown(name);
    ++count;
  }
  const int read_error = errno;
  ::closedir(dir);
  if (read_error) return ProbeOutcome::denied(read_error, "opened, but reading it failed");
  if (count > kMaxShownEntries) names += ", ...";
  return ProbeOutcome::allowed(std::to_string(count) + " entries: " + names);
}

}  // namespace sb::renderer::probes
