#pragma once

#include <deque>
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

  // A synchronous call: sends `request` and blocks this thread until the browser's envelope with
  // reply_to = its seq arrives, which is returned. Nothing else is handled meanwhile, not even a
  // Ping: what arrives waits in arrival order and is handled after the reply, from the loop. That
  // is what makes two processes calling each other this way deadlock. nullopt when the channel
  // failed first (the loop is asked to quit, as for any channel failure).
  std::optional<wire::Envelope> callAndWait(wire::Envelope& request);

 private:
  void onMessage(ipc::Message&& message) override;
  void onChannelError(const ipc::ChannelError& error) override;
  void dispatch(ipc::Message&& message);
  void dispatchHeldMessages();

  wire::ProcessKind kind_;
  ipc::PollLoop loop_;
  ipc::Channel channel_;
  std::unique_ptr<ipc::PollChannel> driver_;
  MessageHandler handler_;
  // Arrived while a callAndWait blocked; handled, in order, before anything newer.
  std::deque<ipc::Message> held_;
  bool held_dispatch_scheduled_ = false;
};

}  // namespace sb::child
