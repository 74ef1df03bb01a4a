// A compromised renderer, for tests of the browser's policy. Started through
// Browser::Options::renderer_cmd_prefix as
//   sb-hostile-renderer --mode=MODE --trigger=PATH <real renderer> [args...] --ipc-fd=3
// Only the launch that manages to delete PATH turns hostile (so a test can arm it for exactly one
// tab); every other launch execs the real renderer with the rest of the arguments, so the same
// browser keeps working normally. Hostile, it says a correct Hello (or not, for before-hello),
// waits for its Navigate and then does one thing, per MODE:
//   garbage             random bytes where a frame header belongs
//   oversize            a frame header announcing 4 GiB - 1
//   zero-length         a frame header announcing 0 bytes
//   before-hello        a DisplayList before any Hello
//   other-tab           a valid DisplayList for the tab opened before its own
//   open-url-other-tab  an OpenUrl for that other tab
//   future-navigation   a DisplayList for a navigation the browser never issued
//   huge-count          a DisplayList with 100 000 items
//   huge-log            a LogRecord with 1 MiB of text
//   fds                 an OpenUrl carrying two file descriptors
//   flood               valid DisplayLists for its own tab, as fast as it can, for ever
// Afterwards it keeps answering pings until the browser kills it.
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/child/child_runtime.h"
#include "common/ipc/frame_decoder.h"
#include "common/log/logging.h"

namespace {

using sb::wire::Envelope;

struct Arguments {
  std::string mode;
  std::string trigger;
  std::vector<char*> rest;  // the real renderer and its arguments
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.starts_with("--mode=")) {
      args.mode = arg.substr(7);
    } else if (arg.starts_with("--trigger=")) {
      args.trigger = arg.substr(10);
    } else {
      break;
    }
  }
  for (; i < argc; ++i) args.rest.push_back(argv[i]);
  args.rest.push_back(nullptr);
  return args;
}

void writeRaw(sb::ipc::Channel& channel, std::string_view bytes) {
  channel.flushBlocking(1000);
  while (!bytes.empty()) {
    const ssize_t written = ::send(channel.fd(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (written <= 0) return;
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

std::string header(uint32_t length) {
  std::string bytes(sb::ipc::kFrameHeaderBytes, '\0');
  sb::ipc::encodeFrameHeader(length, bytes.data());
  return bytes;
}

Envelope displayList(uint32_t tab, uint64_t navigation) {
  Envelope envelope;
  envelope.set_tab_id(tab);
  envelope.mutable_display_list()->set_navigation_id(navigation);
  envelope.mutable_display_list()->set_content_height(10);
  return envelope;
}

// Deterministic bytes whose first four announce far more than 16 MiB.
std::string garbage() {
  std::string bytes = "\xF3\x9A\x7C\xE1";
  uint64_t state = 0x5EED;
  while (bytes.size() < 4096) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    bytes += static_cast<char>(state >> 56);
  }
  return bytes;
}

void flood(sb::child::ChildRuntime& runtime, uint32_t tab, uint64_t navigation) {
  sb::ipc::Channel& channel = runtime.channel();
  for (uint64_t frame = 1; channel.isOpen(); ++frame) {
    Envelope envelope = displayList(tab, navigation);
    envelope.mutable_display_list()->set_frame_number(frame);
    if (auto error = channel.send(envelope); error && error->kind != sb::ipc::ErrorKind::kQueueFull)
      return;
    if (channel.queuedBytes() > (1u << 20)) channel.flushBlocking(100);
  }
}

void misbehave(const std::string& mode, sb::child::ChildRuntime& runtime, uint32_t tab,
               uint64_t navigation) {
  sb::ipc::Channel& channel = runtime.channel();
  const uint32_t other_tab = tab > 1 ? tab - 1 : tab + 1;
  Envelope envelope;
  if (mode == "garbage") {
    writeRaw(channel, garbage());
  } else if (mode == "oversize") {
    writeRaw(channel, header(0xFFFFFFFFu) + std::string(64, 'x'));
  } else if (mode == "zero-length") {
    writeRaw(channel, header(0));
  } else if (mode == "other-tab") {
    envelope = displayList(other_tab, navigation);
    runtime.send(envelope);
  } else if (mode == "open-url-other-tab") {
    envelope.set_tab_id(other_tab);
    envelope.mutable_open_url()->set_url("https://evil.example/");
    runtime.send(envelope);
  } else if (mode == "future-navigation") {
    envelope = displayList(tab, navigation + 1);
    runtime.send(envelope);
  } else if (mode == "huge-count") {
    envelope = displayList(tab, navigation);
    for (int i = 0; i < 100'000; ++i) envelope.mutable_display_list()->add_items()->mutable_rect();
    runtime.send(envelope);
  } else if (mode == "huge-log") {
    envelope.mutable_log_record()->set_text(std::string(1 << 20, 'l'));
    runtime.send(envelope);
  } else if (mode == "fds") {
    envelope.set_tab_id(tab);
    envelope.mutable_open_url()->set_url("demo://home");
    const int fds[] = {0, 0};
    runtime.send(envelope, fds);
  } else if (mode == "flood") {
    flood(runtime, tab, navigation);
  } else {
    std::fprintf(stderr, "sb-hostile-renderer: unknown mode %s\n", mode.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  const Arguments args = parse(argc, argv);
  // Not armed (or armed for another launch): be the real renderer.
  if (args.trigger.empty() || ::unlink(args.trigger.c_str()) != 0) {
    if (!args.rest.front()) return 2;
    ::execv(args.rest.front(), args.rest.data());
    std::perror("sb-hostile-renderer: execv");
    return 2;
  }
  sb::log::initLogging("hostile");
  auto fd = sb::child::findIpcFd(std::span<char* const>(argv, static_cast<size_t>(argc)));
  if (!fd) return 2;
  sb::child::ChildRuntime runtime(sb::wire::PROCESS_KIND_RENDERER, sb::UniqueFd(*fd));
  if (args.mode == "before-hello") {
    Envelope envelope = displayList(1, 1);
    runtime.send(envelope);
  }
  runtime.sendHello({});
  bool done = false;
  runtime.setMessageHandler([&](sb::ipc::Message&& message) {
    if (done || !message.envelope.has_navigate()) return;
    done = true;
    misbehave(args.mode, runtime, message.envelope.tab_id(),
              message.envelope.navigate().navigation_id());
  });
  return runtime.run();
}
