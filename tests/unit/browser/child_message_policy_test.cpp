#include "apps/browser/core/child_message_policy.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "common/ipc/wire_limits.h"

namespace sb::browser {
namespace {

using Limits = RendererMessageLimits;

ipc::Message messageWith(const wire::Envelope& envelope) {
  ipc::Message message;
  message.envelope = envelope;
  return message;
}

std::string reasonFor(const wire::Envelope& envelope) {
  return checkRendererMessage(messageWith(envelope)).value_or("");
}

TEST(RendererMessagePolicy, AcceptsWhatAWellBehavedRendererSends) {
  wire::Envelope pong;
  pong.mutable_pong()->set_payload(std::string(Limits::kMaxPongPayloadBytes, 'p'));
  wire::Envelope log;
  log.mutable_log_record()->set_level(wire::LOG_LEVEL_CRITICAL);
  log.mutable_log_record()->set_logger("renderer");
  log.mutable_log_record()->set_text(std::string(Limits::kMaxLogTextBytes, 'l'));
  wire::Envelope open;
  open.mutable_open_url()->set_url(std::string(ipc::WireLimits::kMaxUrlBytes, 'u'));
  wire::Envelope list;
  list.mutable_display_list()->set_content_height(10);
  for (const auto& envelope : {pong, log, open, list}) {
    EXPECT_EQ(reasonFor(envelope), "") << envelope.ShortDebugString().substr(0, 80);
  }
}

TEST(RendererMessagePolicy, OnlyTheKindsARendererSendsAreAllowed) {
  wire::Envelope navigate;
  navigate.mutable_navigate()->set_url("demo://home");
  EXPECT_EQ(reasonFor(navigate), "a renderer may not send navigate");
  wire::Envelope ping;
  ping.mutable_ping();
  EXPECT_EQ(reasonFor(ping), "a renderer may not send ping");
  wire::Envelope fault;
  fault.mutable_debug_fault();
  EXPECT_EQ(reasonFor(fault), "a renderer may not send debug_fault");
  EXPECT_EQ(reasonFor(wire::Envelope{}), "a renderer may not send unknown");
}

TEST(RendererMessagePolicy, SizesAndEnumsAreBounded) {
  wire::Envelope pong;
  pong.mutable_pong()->set_payload(std::string(Limits::kMaxPongPayloadBytes + 1, 'p'));
  EXPECT_EQ(reasonFor(pong), "Pong payload of 1025 bytes, limit 1024");

  wire::Envelope log;
  log.mutable_log_record()->set_text(std::string(Limits::kMaxLogTextBytes + 1, 'l'));
  EXPECT_EQ(reasonFor(log), "LogRecord text of 4097 bytes, limit 4096");
  log.mutable_log_record()->set_text("ok");
  log.mutable_log_record()->set_logger(std::string(Limits::kMaxLoggerNameBytes + 1, 'n'));
  EXPECT_EQ(reasonFor(log), "LogRecord logger name of 65 bytes, limit 64");
  log.mutable_log_record()->set_logger("renderer");
  log.mutable_log_record()->set_level(static_cast<wire::LogLevel>(42));
  EXPECT_EQ(reasonFor(log), "LogRecord level 42 out of range");

  wire::Envelope open;
  open.mutable_open_url()->set_url(std::string(ipc::WireLimits::kMaxUrlBytes + 1, 'u'));
  EXPECT_EQ(reasonFor(open), "OpenUrl of 8193 bytes, limit 8192");

  wire::Envelope list;
  list.mutable_display_list()->set_content_height(-1);
  EXPECT_EQ(reasonFor(list), "content height out of range");
}

TEST(RendererMessagePolicy, DescriptorsFromARendererAreRefused) {
  wire::Envelope open;
  open.mutable_open_url()->set_url("demo://home");
  ipc::Message message = messageWith(open);
  message.fds.emplace_back(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  ASSERT_TRUE(message.fds.back().valid());
  EXPECT_EQ(checkRendererMessage(message).value_or(""),
            "a renderer may not send file descriptors (1 arrived)");
}

ipc::Message withDevNull(const wire::Envelope& envelope) {
  ipc::Message message = messageWith(envelope);
  message.fds.emplace_back(::open("/dev/null", O_RDONLY | O_CLOEXEC));
  return message;
}

TEST(GpuMessagePolicy, SurfaceCreatedCarriesExactlyOneDescriptorAndNothingElseAny) {
  wire::Envelope created;
  created.mutable_surface_created()->set_surface_id(1);
  EXPECT_FALSE(checkGpuMessage(withDevNull(created)));
  EXPECT_EQ(checkGpuMessage(messageWith(created)).value_or(""),
            "surface_created with 0 file descriptors, expected 1");
  wire::Envelope ready;
  ready.mutable_frame_ready()->set_surface_id(1);
  EXPECT_FALSE(checkGpuMessage(messageWith(ready)));
  EXPECT_EQ(checkGpuMessage(withDevNull(ready)).value_or(""), "frame_ready with 1 file descriptors, expected 0");
}

TEST(GpuMessagePolicy, OnlyTheGpuKindsAreAllowed) {
  wire::Envelope list;
  list.mutable_display_list();
  EXPECT_EQ(checkGpuMessage(messageWith(list)).value_or(""), "the GPU process may not send display_list");
  wire::Envelope frame;
  frame.mutable_plugin_frame();
  EXPECT_EQ(checkGpuMessage(messageWith(frame)).value_or(""), "the GPU process may not send plugin_frame");
}

TEST(PluginMessagePolicy, FramesAreCheckedAsPluginContent) {
  wire::Envelope frame;
  frame.mutable_plugin_frame()->set_instance_id(1);
  EXPECT_FALSE(checkPluginMessage(messageWith(frame)));
  frame.mutable_plugin_frame()->mutable_content()->add_items()->mutable_link()->set_href("demo://home");
  EXPECT_EQ(checkPluginMessage(messageWith(frame)).value_or(""),
            "plugin content may hold only rectangles, text and images");
  frame.mutable_plugin_frame()->mutable_content()->set_content_height(-5);
  EXPECT_EQ(checkPluginMessage(messageWith(frame)).value_or(""), "content height out of range");
}

TEST(PluginMessagePolicy, NoDescriptorsAndOnlyPluginKinds) {
  wire::Envelope frame;
  frame.mutable_plugin_frame()->set_instance_id(1);
  EXPECT_EQ(checkPluginMessage(withDevNull(frame)).value_or(""),
            "a plugin may not send file descriptors (1 arrived)");
  wire::Envelope ready;
  ready.mutable_frame_ready();
  EXPECT_EQ(checkPluginMessage(messageWith(ready)).value_or(""), "a plugin may not send frame_ready");
}

}  // namespace
}  // namespace sb::browser
