#pragma once

#include "apps/renderer/bad_ipc/bad_ipc_sender.h"
#include "common/ipc/channel.h"

namespace sb::renderer {

// demo://badipc's misbehaviour on the renderer's real channel to the browser.
class ChannelBadIpcSender final : public BadIpcSender {
 public:
  explicit ChannelBadIpcSender(ipc::Channel& channel) : channel_(channel) {}

  void sendEnvelope(wire::Envelope& envelope) override;
  void sendRawBytes(std::string_view bytes) override;

 private:
  ipc::Channel& channel_;
};

}  // namespace sb::renderer
