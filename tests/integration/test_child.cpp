// A protocol-speaking child for tests. --mode picks a behaviour:
//   normal        Hello, then serve Ping/Shutdown like any child
//   abort         Hello, then abort()
//   exit=N        Hello, then exit with code N
//   silent        never says Hello; waits for the browser to go away
//   garbage       Hello, then bytes that are not a frame
//   wrong-kind    Hello claiming to be a GPU process
//   bad-version   Hello with an unknown protocol version
#include <unistd.h>

#include <cstdlib>
#include <span>
#include <string>

#include "common/child/child_runtime.h"
#include "common/log/logging.h"

int main(int argc, char** argv) {
  sb::log::initLogging("test-child");
  std::string mode = "normal";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--mode=", 0) == 0) mode = arg.substr(7);
  }
  auto fd = sb::child::findIpcFd(std::span<char* const>(argv, static_cast<size_t>(argc)));
  if (!fd) return 2;
  if (mode == "silent") {
    char byte;
    while (::read(*fd, &byte, 1) > 0) {
    }
    return 0;
  }
  const auto kind = mode == "wrong-kind" ? sb::wire::PROCESS_KIND_GPU : sb::wire::PROCESS_KIND_TEST;
  sb::child::ChildRuntime runtime(kind, sb::UniqueFd(*fd));
  if (mode == "bad-version") {
    sb::wire::Envelope envelope;
    envelope.mutable_hello()->set_kind(kind);
    envelope.mutable_hello()->set_protocol_version(static_cast<sb::wire::ProtocolVersion>(99));
    runtime.send(envelope);
  } else {
    runtime.sendHello({});
  }
  runtime.channel().flushBlocking(1000);
  if (mode == "abort") std::abort();
  if (mode.rfind("exit=", 0) == 0) std::_Exit(std::atoi(mode.c_str() + 5));
  if (mode == "garbage") {
    const char junk[] = "\x05\x00\x00\x00\xff\xff\xff\xff\xff";
    (void)!::write(runtime.channel().fd(), junk, sizeof(junk) - 1);
  }
  return runtime.run();
}
