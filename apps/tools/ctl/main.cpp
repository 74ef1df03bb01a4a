// sandbrowserctl: sends one JSON request line to a running browser's control socket and prints the
// reply line. Exit status: 0 when the reply says "ok":true, 1 when it says false, 2 when the
// request could not be made (usage, connection, no reply).
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

#include "apps/tools/ctl/control_client.h"
#include "apps/tools/ctl/reply_status.h"

namespace {

constexpr int kUsageError = 2;

void printUsage(std::FILE* to) {
  std::fputs(
      "usage: sandbrowserctl --socket PATH REQUEST...\n"
      "       sandbrowserctl --socket PATH -          (the request is read from stdin)\n"
      "  Sends one JSON request line to `sandbrowser --control-socket PATH` and prints the reply.\n"
      "  Several REQUEST words are joined with spaces. See docs/control-protocol.md.\n"
      "  example: sandbrowserctl --socket /tmp/sb.sock '{\"cmd\":\"list_tabs\"}'\n"
      "  exit status: 0 reply ok:true, 1 reply ok:false, 2 usage or connection error\n",
      to);
}

int usageError(const std::string& message) {
  std::fprintf(stderr, "sandbrowserctl: %s\n", message.c_str());
  printUsage(stderr);
  return kUsageError;
}

// Trailing newlines are the shell's or the file's; a newline inside would be a second request.
std::string trimTrailingNewlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  std::string socket_path;
  std::string request;
  bool from_stdin = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      printUsage(stdout);
      return 0;
    }
    if (arg == "--socket") {
      if (++i >= argc) return usageError("--socket needs a path");
      socket_path = argv[i];
    } else if (arg.rfind("--socket=", 0) == 0) {
      socket_path = arg.substr(std::strlen("--socket="));
    } else if (arg == "-" && request.empty() && !from_stdin) {
      from_stdin = true;
    } else if (from_stdin) {
      return usageError("'-' reads the request from stdin; give no other request words");
    } else {
      if (!request.empty()) request += ' ';
      request += arg;
    }
  }
  if (socket_path.empty()) return usageError("--socket PATH is required");
  if (from_stdin) {
    request.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    request = trimTrailingNewlines(std::move(request));
  }
  if (request.empty()) return usageError("no request given");
  if (request.find('\n') != std::string::npos) {
    return usageError("one request per call (the request has a newline)");
  }

  std::string error;
  auto client = sb::ctl::ControlClient::connect(socket_path, &error);
  if (!client) {
    std::fprintf(stderr, "sandbrowserctl: %s\n", error.c_str());
    return kUsageError;
  }
  // No timeout: a `wait` request may legitimately take minutes; Ctrl+C ends the wait.
  auto reply = client->request(request, std::chrono::milliseconds(-1), &error);
  if (!reply) {
    std::fprintf(stderr, "sandbrowserctl: %s: %s\n", socket_path.c_str(), error.c_str());
    return kUsageError;
  }
  std::printf("%s\n", reply->c_str());
  switch (sb::ctl::replyStatus(*reply)) {
    case sb::ctl::ReplyStatus::kOk:
      return 0;
    case sb::ctl::ReplyStatus::kError:
      return 1;
    case sb::ctl::ReplyStatus::kUnrecognised:
      break;
  }
  std::fprintf(stderr, "sandbrowserctl: the reply has no \"ok\" member\n");
  return kUsageError;
}
