#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>

#include "common/ipc/channel.h"
#include "common/ipc/poll_channel.h"
#include "common/ipc/poll_loop.h"

namespace sb::child {

// Finds --ipc-fd=N among the arguments; nullopt when it is missing or not a valid open socket.
std::optional<int> findIpcFd(std::span<char* const> args);


// The part of a child's main loop that does not depend on what the child is for.
class ChildRuntime : public ipc::Channel::Client {
 public:
  using MessageHandler = std::function<void(ipc::Message&&)>;

  ChildRuntime(wire::ProcessKind kind, UniqueFd channel_fd);
  ~ChildRuntime() override;

  ipc::PollLoop& loop() { return loop_; }
  ipc::Channel& channel() { return channel_; }

  // Messages other than Ping and Shutdown go here; without a handler they are an error.
  void setMessageHandler(MessageHandler handler) { handler_ = std::move(handler); }
  // Sends the Hello; call before run(). The sandbox status is what the child engaged.
  void sendHello(const wire::SandboxStatus& sandbox);
  // Adds a sink that forwards this process's log records to the browser.
  void forwardLogs();

  // Sends a message; a failure to send is logged and, when the channel closed, ends run().
  void send(wire::Envelope& envelope, std::span<const int> fds = {});

  // Runs until Shutdown (exit 0), the browser's end closes (exit 0) or bad input (exit 1).
  int run();

 private:
  void onMessage(ipc::Message&& message) override;
  void onChannelError(const ipc::ChannelError& error) override;

  wire::ProcessKind kind_;
  ipc::PollLoop loop_;
  ipc::Channel channel_;
  std::unique_ptr<ipc::PollChannel> driver_;
  MessageHandler handler_;
};

}  // namespace sb::child
