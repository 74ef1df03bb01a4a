#include <algorithm>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"

namespace sb::renderer {
namespace {

constexpr int kButtonHeight = 44;
constexpr int kButtonWidth = 260;
constexpr int kButtonGap = 12;
constexpr size_t kMaxEvents = 8;
constexpr const char* kQuestion = "How many frames have you drawn?";

std::string clockText(const WallTime& time) {
  char text[16];
  std::snprintf(text, sizeof(text), "%02d:%02d:%02d.%03d", time.hour, time.minute, time.second,
                time.millisecond);
  return text;
}

// demo://deadlock: this page and its plugin call each other synchronously. The page's call blocks
// this renderer's thread; the plugin, to answer, calls back into the page and blocks too. Neither
// can go on: the browser, which routes both calls, finds the cycle in its wait-for graph and
// refuses the younger call. The non-blocking button makes the same call without waiting, so the
// page is free to answer the plugin and nothing deadlocks.
class DeadlockPage final : public Page {
 public:
  DeadlockPage(const PageServices& services, CallPlugin call_plugin)
      : services_(services), call_plugin_(std::move(call_plugin)) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "DEADLOCK", "Two processes waiting for each other",
                "This page and the ticker plugin below call each other. Ask and wait, and both "
                "wait for ever, until the browser steps in.",
                theme::kDanger);
    addPluginBox(builder, "ticker", kDeadlockBoxId);
    builder.space(theme::kGap + 4);
    addControls(builder);
    addEvents(builder);
    beginCard(builder);
    builder.text("How it works", theme::kSubheading);
    builder.space(6);
    builder.text(
        "\"Ask and wait\" asks the plugin a question with a blocking call: this renderer's thread "
        "stops until the answer comes. To answer, the plugin first calls back into this page, "
        "blocking too, and the page cannot answer: its thread is the one waiting. Each waits for "
        "the other and neither uses the CPU: a deadlock, not a hang. The browser routes both "
        "calls, keeps a wait-for graph of who waits for whom, and once a wait has lasted a second "
        "it looks for a cycle and breaks it by refusing the youngest call. \"Ask without "
        "waiting\" sends the same question and carries on, so the page is free to answer the "
        "plugin and nothing deadlocks.",
        theme::kBody);
    builder.endBox();
    builder.space(theme::kGap);
    addNotice(builder, "Watch it",
              "Open the IPC inspector and filter on \"call\": the page's Call, the plugin's Call "
              "back, and the browser's CallReply \"refused: deadlock\" with the cycle. The ticker "
              "freezes for that second: its process is blocked too. The hang monitor never "
              "fires: the browser breaks the cycle long before a wait looks like a hang.",
              theme::kWarning, theme::kWarningSoft);
    addFooter(builder, services_.pid);
    return builder.finish("Deadlock", theme::kPaper);
  }

  Change click(int x, int y) override {
    if (blocking_button_.contains(x, y)) return ask(true);
    if (free_button_.contains(x, y)) return ask(false);
    return Change::kNone;
  }

  Change key(const wire::KeyInput& key) override {
    if (key.special() == wire::KeyInput::SPECIAL_ENTER) return ask(true);
    if (key.special() == wire::KeyInput::SPECIAL_NONE && (key.text() == "n" || key.text() == "N")) {
      return ask(false);
    }
    return Change::kNone;
  }

  CallAnswer answerCall(const wire::Call& call) override {
    ++answered_;
    const char* when =
        waiting_ ? " at once: the page was not blocked"
        : last_ && !last_->cycle().empty()
            ? " only now that its own wait is over: too late, the browser had refused that call"
            : "";
    note("The plugin asked this page \"" + call.question() + "\"; answered" + when);
    return {"demo://deadlock, call " + std::to_string(answered_), Change::kRepaint};
  }

  Change callReply(const wire::CallReply& reply) override {
    if (!waiting_) return Change::kNone;  // an answer to a call this page no longer waits for
    waiting_ = false;
    record(reply, false);
    return Change::kRepaint;
  }

 private:
  Change ask(bool blocking) {
    if (waiting_) return Change::kNone;  // one question at a time
    note(blocking ? "Asked the plugin and waits: this renderer's thread is blocked"
                  : "Asked the plugin without waiting: this page stays free");
    if (!blocking) {
      waiting_ = true;  // until callReply: a non-blocking call returns nothing itself
      call_plugin_(kDeadlockBoxId, kQuestion, false);
      return Change::kRepaint;
    }
    // Nothing on screen changes until this returns: the thread that would paint is the one waiting.
    const auto reply = call_plugin_(kDeadlockBoxId, kQuestion, true);
    if (reply) record(*reply, true);
    return Change::kRepaint;
  }

  void record(const wire::CallReply& reply, bool blocking) {
    const std::string waited = " after " + std::to_string(reply.waited_ms()) + " ms";
    if (reply.deadlock()) {
      note("Refused" + waited + " to break a deadlock: " + reply.cycle());
    } else if (!reply.error().empty()) {
      note("No answer" + waited + ": " + reply.error());
    } else {
      note(std::string(blocking ? "Unblocked" : "The answer came") + waited + ": \"" +
           reply.answer() + "\"");
    }
    last_ = reply;
  }

  void note(std::string text) {
    events_.push_back(clockText(services_.clock.now()) + "  " + std::move(text));
    while (events_.size() > kMaxEvents) events_.pop_front();
  }

  void addControls(PageBuilder& builder) {
    beginCard(builder);
    const Column column = builder.column();
    const int width = std::min(kButtonWidth, (column.width - kButtonGap) / 2);
    blocking_button_ = Rect{column.left, builder.y(), width, kButtonHeight};
    free_button_ = Rect{blocking_button_.right() + kButtonGap, builder.y(), width, kButtonHeight};
    const uint32_t idle_ink = waiting_ ? theme::kMuted : theme::kCard;
    builder.fillAt(blocking_button_,
                   BoxStyle{.fill = waiting_ ? theme::kTrack : theme::kDanger, .radius = 8});
    builder.fillAt(free_button_,
                   BoxStyle{.fill = waiting_ ? theme::kTrack : theme::kAccent, .radius = 8});
    const TextStyle label{.pixel_size = 16, .argb = idle_ink, .bold = true};
    builder.textAt(Rect{blocking_button_.x + 16, blocking_button_.y + 11, width - 24, 22},
                   "Ask and wait (Enter)", label);
    builder.textAt(Rect{free_button_.x + 16, free_button_.y + 11, width - 24, 22},
                   "Ask without waiting (N)", label);
    builder.setY(blocking_button_.bottom() + 12);
    builder.text(statusText(), theme::kBody);
    builder.endBox();
    builder.space(theme::kGap);
    if (last_ && !last_->cycle().empty()) {
      addNotice(
          builder, "Deadlock found and broken",
          "Cycle: " + last_->cycle() +
              ". The plugin's call back to this page closed it. "
              "The browser refused that call, the youngest in the cycle, so the plugin answered "
              "without the page and this page's wait ended.",
          theme::kDanger, theme::kDangerSoft);
    }
  }

  std::string statusText() const {
    if (waiting_)
      return "Waiting for the plugin's answer; this page is free to answer it meanwhile.";
    if (!last_) return "Not asked yet. The plugin process starts with the first ticker frame.";
    return std::to_string(answered_) + (answered_ == 1 ? " call" : " calls") +
           " from the plugin answered by this page so far.";
  }

  void addEvents(PageBuilder& builder) {
    if (events_.empty()) return;
    beginCard(builder);
    builder.text("What happened", theme::kSubheading);
    builder.space(8);
    for (const std::string& event : events_) {
      builder.text(event, theme::kCode);
      builder.space(4);
    }
    builder.endBox();
    builder.space(theme::kGap);
  }

  PageServices services_;
  CallPlugin call_plugin_;
  bool waiting_ = false;  // a non-blocking call is out
  int answered_ = 0;
  std::optional<wire::CallReply> last_;
  std::deque<std::string> events_;
  Rect blocking_button_;
  Rect free_button_;
};

}  // namespace

std::unique_ptr<Page> makeDeadlockPage(const PageServices& services, CallPlugin call_plugin) {
  return std::make_unique<DeadlockPage>(services, std::move(call_plugin));
}

}  // namespace sb::renderer
