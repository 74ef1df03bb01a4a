#include "apps/renderer/tab.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <spdlog/spdlog.h>

#include "apps/renderer/layout/display_list_assembler.h"
#include "apps/renderer/page_factory.h"
#include "common/ipc/wire_limits.h"

namespace sb::renderer {
namespace {

using ipc::WireLimits;

int clampedSide(int side) { return std::clamp(side, 1, WireLimits::kMaxViewportSide); }

}  // namespace

Tab::Tab(uint32_t id, const RendererEnvironment& environment)
    : id_(id), environment_(environment) {}

Tab::~Tab() = default;

void Tab::navigate(const wire::Navigate& navigate) {
  // The old page goes first: its timers stop and its memory is released before the next page
  // starts.
  page_.reset();
  links_.clear();
  navigation_id_ = navigate.navigation_id();
  frame_number_ = 0;
  scroll_y_ = 0;
  setViewport(navigate.viewport_width(), navigate.viewport_height());
  // Info, so the inspector's Logs tab shows each navigation as the renderer saw it.
  spdlog::info("tab {}: navigation {} to {:.200}", id_, navigation_id_, navigate.url());
  page_ =
      createPage(navigate.url(),
                 PageServices{environment_.scheduler, environment_.faults, environment_.clock,
                              environment_.pid, [this] { repaint(); }},
                 RestrictedServices{
                     environment_.probes, environment_.bad_ipc, BadIpcTarget{id_, navigation_id_},
                     [this](bool start) { askIpcLab(start); },
                     [this](uint32_t box_id, const std::string& question, bool blocking) {
                       return callPlugin(box_id, question, blocking);
                     }});
  repaint();
  page_->start();
}

void Tab::resize(int width, int height) {
  setViewport(width, height);
  repaint();
}

void Tab::input(const wire::InputEvent& event) {
  switch (event.event_case()) {
    case wire::InputEvent::kClick:
      click(event.click().x(), event.click().y());
      return;
    case wire::InputEvent::kScroll:
      scrollBy(event.scroll().delta_y());
      return;
    case wire::InputEvent::kKey:
      key(event.key());
      return;
    case wire::InputEvent::EVENT_NOT_SET:
      break;
  }
  spdlog::warn("tab {}: empty input event ignored", id_);
}

void Tab::ipcLabReport(const wire::IpcLabReport& report) {
  if (page_ && page_->ipcLabReport(report) == Change::kRepaint) repaint();
}

void Tab::answerCall(uint64_t seq, const wire::Call& call) {
  Page::CallAnswer answer = page_ ? page_->answerCall(call) : Page::CallAnswer{};
  wire::Envelope envelope;
  envelope.set_tab_id(id_);
  envelope.set_reply_to(seq);
  auto* reply = envelope.mutable_call_reply();
  if (answer.answer) {
    reply->set_answer(answer.answer->substr(0, WireLimits::kMaxCallTextBytes));
  } else {
    reply->set_error("this page answers no calls");
  }
  environment_.send(envelope);
  if (answer.change == Change::kRepaint) repaint();
}

void Tab::callReply(const wire::CallReply& reply) {
  if (page_ && page_->callReply(reply) == Change::kRepaint) repaint();
}

std::optional<wire::CallReply> Tab::callPlugin(uint32_t box_id, const std::string& question,
                                               bool blocking) {
  wire::Envelope envelope;
  envelope.set_tab_id(id_);
  auto* call = envelope.mutable_call();
  call->set_box_id(box_id);
  call->set_question(question.substr(0, WireLimits::kMaxCallTextBytes));
  call->set_blocking(blocking);
  call->set_navigation_id(navigation_id_);
  if (!blocking) {
    environment_.send(envelope);
    return std::nullopt;
  }
  wire::CallReply failed;
  if (!environment_.call_and_wait) {
    failed.set_error("this renderer cannot make blocking calls");
    return failed;
  }
  std::optional<wire::Envelope> reply = environment_.call_and_wait(envelope);
  if (reply && reply->has_call_reply()) return reply->call_reply();
  failed.set_error(reply ? "the browser answered with something other than a CallReply"
                         : "the channel to the browser closed while waiting");
  return failed;
}

void Tab::setViewport(int width, int height) {
  viewport_width_ = clampedSide(width);
  viewport_height_ = clampedSide(height);
}

void Tab::repaint() {
  if (!page_) return;
  ++frame_number_;
  const PageLayout layout =
      page_->layout(LayoutRequest{viewport_width_, viewport_height_, frame_number_});
  content_height_ = layout.content_height;
  scroll_y_ = std::clamp(scroll_y_, 0, maxScrollY(content_height_, viewport_height_));

  links_.clear();
  for (const wire::DisplayItem& item : layout.items) {
    if (!item.has_link()) continue;
    const wire::Rect& r = item.link().rect();
    links_.push_back(LinkTarget{Rect{r.x(), r.y(), r.width(), r.height()}, item.link().href()});
  }

  wire::Envelope envelope;
  envelope.set_tab_id(id_);
  *envelope.mutable_display_list() = assembleDisplayList(
      layout, ViewportState{viewport_height_, scroll_y_}, navigation_id_, frame_number_);
  environment_.send(envelope);
}

void Tab::click(int x, int y) {
  const int page_y = static_cast<int>(std::clamp<int64_t>(
      int64_t{y} + scroll_y_, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
  // Later items are painted on top, so they win.
  for (auto it = links_.rbegin(); it != links_.rend(); ++it) {
    if (it->rect.contains(x, page_y)) {
      openUrl(it->href);
      return;
    }
  }
  if (page_ && page_->click(x, page_y) == Change::kRepaint) repaint();
}

void Tab::scrollBy(int delta_y) {
  const int64_t wanted = int64_t{scroll_y_} + delta_y;
  const int scroll_y = static_cast<int>(
      std::clamp<int64_t>(wanted, 0, maxScrollY(content_height_, viewport_height_)));
  if (scroll_y == scroll_y_) return;
  scroll_y_ = scroll_y;
  repaint();
}

void Tab::key(const wire::KeyInput& key) {
  if (page_ && page_->key(key) == Change::kRepaint) repaint();
}

void Tab::openUrl(const std::string& href) {
  // The browser decides whether and how to follow it.
  wire::Envelope envelope;
  envelope.set_tab_id(id_);
  envelope.mutable_open_url()->set_url(href);
  environment_.send(envelope);
}

void Tab::askIpcLab(bool start) {
  wire::Envelope envelope;
  envelope.set_tab_id(id_);
  envelope.mutable_ipc_lab_request()->set_navigation_id(navigation_id_);
  envelope.mutable_ipc_lab_request()->set_start(start);
  environment_.send(envelope);
}

}  // namespace sb::renderer
