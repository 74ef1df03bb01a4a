#include <memory>
#include <optional>
#include <string>

#include "apps/renderer/bad_ipc/bad_ipc_kinds.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "apps/renderer/text/url.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

constexpr size_t kMaxShownKindBytes = 80;

class BadIpcPage final : public Page {
 public:
  BadIpcPage(std::string_view query, const PageServices& services, BadIpcSender& sender,
             const BadIpcTarget& target)
      : services_(services), sender_(sender), target_(target) {
    requested_ = queryValue(query, "kind");
    if (requested_) kind_ = findBadIpcKind(*requested_);
  }

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    if (kind_) {
      addMasthead(builder, "BREAKING THE PROTOCOL ON PURPOSE",
                  "Bad IPC: " + std::string(kind_->name), "", theme::kDanger);
      addNotice(builder, "This renderer is about to misbehave",
                "Right after this page is drawn it sends the browser " + std::string(kind_->sends) +
                    ". The browser validates everything a renderer sends, so it should kill "
                    "this renderer and say \"renderer terminated: bad IPC message (" +
                    std::string(kind_->browser_says) + "...)\". Every other tab stays as it is.",
                theme::kDanger, theme::kDangerSoft);
    } else {
      addMasthead(builder, "BREAKING THE PROTOCOL ON PURPOSE", "Bad IPC",
                  "Each link below opens a page whose renderer sends the browser one bad message "
                  "of that kind. The browser should kill just that renderer and say why.",
                  theme::kDanger);
      if (requested_) {
        addNotice(builder, "No such kind",
                  "There is no bad message called \"" +
                      ellipsize(sanitizeUtf8(*requested_), kMaxShownKindBytes) +
                      "\", so nothing was sent. Pick one of these:",
                  theme::kWarning, theme::kWarningSoft);
      }
      for (const BadIpcKindInfo& info : badIpcKinds()) {
        addLinkCard(builder, "demo://badipc?kind=" + std::string(info.name),
                    "Sends " + std::string(info.sends) + ".");
      }
    }
    addFooter(builder, services_.pid);
    return builder.finish(kind_ ? "Bad IPC: " + std::string(kind_->name) : "Bad IPC",
                          theme::kPaper);
  }

  // After the page is on screen, so the person sees what is about to happen.
  void start() override {
    if (kind_) sendBadMessage(kind_->kind, target_, sender_);
  }

 private:
  PageServices services_;
  BadIpcSender& sender_;
  BadIpcTarget target_;
  std::optional<std::string> requested_;
  const BadIpcKindInfo* kind_ = nullptr;
};

}  // namespace

std::unique_ptr<Page> makeBadIpcPage(std::string_view query, const PageServices& services,
                                     BadIpcSender& sender, const BadIpcTarget& target) {
  return std::make_unique<BadIpcPage>(query, services, sender, target);
}

}  // namespace sb::renderer
