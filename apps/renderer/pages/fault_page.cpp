#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "apps/renderer/text/url.h"

namespace sb::renderer {
namespace {

constexpr int kDefaultExitCode = 3;

// The code from "code=N" when N is a whole number in 0..255.
std::optional<int> exitCodeFrom(std::string_view query) {
  const std::optional<std::string> value = queryValue(query, "code");
  if (!value) return std::nullopt;
  int code = -1;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), code);
  if (error != std::errc() || end != value->data() + value->size() || code < 0 || code > 255) {
    return std::nullopt;
  }
  return code;
}

struct FaultText {
  std::string title;
  std::string heading;
  std::string body;
};

FaultText describe(FaultKind kind, int exit_code, bool code_was_invalid, int pid) {
  const std::string renderer = "This renderer (pid " + std::to_string(pid) + ")";
  switch (kind) {
    case FaultKind::kSegv:
      return {"Crash (SIGSEGV)", "Crashing with SIGSEGV",
              renderer +
                  " is about to write through a null pointer. The kernel stops it with "
                  "SIGSEGV; the browser should report the crash and keep every other tab alive."};
    case FaultKind::kAbort:
      return {"Abort (SIGABRT)", "Calling abort()",
              renderer +
                  " is about to call abort() and die of SIGABRT. Only the tabs it drew are "
                  "affected; the browser shows why."};
    case FaultKind::kHang:
      return {"Hang (busy loop)", "The renderer is about to busy-loop",
              renderer +
                  " is about to spin in a busy loop forever. It will stop drawing and stop "
                  "answering the browser's pings; the browser should notice the silence and "
                  "offer to kill it."};
    case FaultKind::kExit: {
      std::string body = renderer + " is about to exit with code " + std::to_string(exit_code) +
                         ". Not a crash: the browser should see a normal exit and say so.";
      if (code_was_invalid)
        body += " (The code in the URL was not a number in 0..255, so 3 is used.)";
      return {"Exit (code " + std::to_string(exit_code) + ")",
              "Exiting with code " + std::to_string(exit_code), body};
    }
  }
  return {};
}

class FaultPage final : public Page {
 public:
  FaultPage(FaultKind kind, std::string_view query, const PageServices& services)
      : kind_(kind), services_(services) {
    if (kind == FaultKind::kExit) {
      const std::optional<int> code = exitCodeFrom(query);
      code_was_invalid_ = !code && queryValue(query, "code").has_value();
      exit_code_ = code.value_or(kDefaultExitCode);
    }
  }

  PageLayout layout(const LayoutRequest& request) override {
    const FaultText text = describe(kind_, exit_code_, code_was_invalid_, services_.pid);
    const bool is_crash = kind_ == FaultKind::kSegv || kind_ == FaultKind::kAbort;
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "BREAKING THE RENDERER ON PURPOSE", text.title, "", theme::kDanger);
    addNotice(builder, text.heading, text.body, is_crash ? theme::kDanger : theme::kWarning,
              is_crash ? theme::kDangerSoft : theme::kWarningSoft);
    addFooter(builder, services_.pid);
    return builder.finish(text.title, theme::kPaper);
  }

  void start() override {
    switch (kind_) {
      case FaultKind::kSegv:
        services_.faults.segv();
        break;
      case FaultKind::kAbort:
        services_.faults.abort();
        break;
      case FaultKind::kHang:
        services_.faults.hang();
        break;
      case FaultKind::kExit:
        services_.faults.exit(exit_code_);
        break;
    }
  }

 private:
  FaultKind kind_;
  PageServices services_;
  int exit_code_ = kDefaultExitCode;
  bool code_was_invalid_ = false;
};

}  // namespace

std::unique_ptr<Page> makeFaultPage(FaultKind kind, std::string_view query,
                                    const PageServices& services) {
  return std::make_unique<FaultPage>(kind, query, services);
}

}  // namespace sb::renderer
