#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "apps/renderer/layout/color.h"
#include "apps/renderer/layout/page_builder.h"
#include "apps/renderer/layout/text_metrics.h"
#include "apps/renderer/layout/theme.h"
#include "apps/renderer/pages/page_parts.h"
#include "apps/renderer/pages/pages.h"
#include "apps/renderer/sandbox_probes/probe_report.h"
#include "apps/renderer/text/utf8.h"

namespace sb::renderer {
namespace {

constexpr uint32_t kGood = argb(255, 0x1E, 0x7D, 0x3A);
constexpr uint32_t kGoodSoft = argb(255, 0xE6, 0xF4, 0xEA);
constexpr int kCellGap = 10;
constexpr int kRowPadding = 8;

constexpr TextStyle kHeaderCell{.pixel_size = 13, .argb = theme::kMuted, .bold = true};
constexpr TextStyle kOperationCell{.pixel_size = 15, .argb = theme::kInk, .bold = true};
constexpr TextStyle kGoalCell{.pixel_size = 12, .argb = theme::kMuted};
constexpr TextStyle kCell{.pixel_size = 14, .argb = theme::kInk};
constexpr TextStyle kCodeCell{.pixel_size = 14, .argb = theme::kInk, .monospace = true};

// The table's four columns as shares of the card's inner width (percent).
constexpr std::array kColumnPercent = {30, 12, 46, 12};

uint32_t verdictInk(ProbeVerdict verdict) {
  switch (verdict) {
    case ProbeVerdict::kDenied:
      return kGood;
    case ProbeVerdict::kAllowed:
      return theme::kDanger;
    case ProbeVerdict::kNotTried:
      return theme::kMuted;
  }
  return theme::kInk;
}

using RowTexts = std::array<std::string, 4>;
using RowStyles = std::array<TextStyle, 4>;

// Splits the column into the table's cells, starting at `top` (heights still 0).
std::array<Rect, 4> cellsAt(const Column& column, int top) {
  std::array<Rect, 4> cells;
  const int usable = std::max(4, column.width - kCellGap * 3);
  int x = column.left;
  for (size_t i = 0; i < cells.size(); ++i) {
    const int width = std::max(1, usable * kColumnPercent[i] / 100);
    cells[i] = Rect{x, top, width, 0};
    x += width + kCellGap;
  }
  return cells;
}

// One table row: four cells, the first with an optional second line, then a hairline.
void addRow(PageBuilder& builder, const RowTexts& texts, const RowStyles& styles,
            std::string_view goal = {}) {
  const Column column = builder.column();
  const int top = builder.y() + kRowPadding;
  std::array<Rect, 4> cells = cellsAt(column, top);
  int bottom = top;
  for (size_t i = 0; i < cells.size(); ++i) {
    Rect& rect = cells[i];
    rect.height = estimateTextHeight(texts[i], styles[i], rect.width);
    builder.textAt(rect, texts[i], styles[i]);
    bottom = std::max(bottom, rect.bottom());
    if (i == 0 && !goal.empty()) {
      const Rect below{rect.x, rect.bottom() + 2, rect.width,
                       estimateTextHeight(goal, kGoalCell, rect.width)};
      builder.textAt(below, goal, kGoalCell);
      bottom = std::max(bottom, below.bottom());
    }
  }
  builder.setY(bottom + kRowPadding);
  builder.fillAt(Rect{column.left, builder.y(), column.width, 1},
                 BoxStyle{.fill = theme::kCardBorder});
  builder.space(1);
}

void addHeaderRow(PageBuilder& builder) {
  addRow(builder, {"Operation", "Expected", "What happened", "errno"},
         {kHeaderCell, kHeaderCell, kHeaderCell, kHeaderCell});
}

class SandboxPage final : public Page {
 public:
  SandboxPage(const PageServices& services, SystemProbes& probes)
      : services_(services), probes_(probes) {}

  PageLayout layout(const LayoutRequest& request) override {
    PageBuilder builder(request.viewport_width);
    addMasthead(builder, "TRYING TO GET OUT, LIVE", "Sandbox",
                "This renderer has just tried, for real, what a compromised renderer would try "
                "first. Under the sandbox every attempt should fail. Each one is harmless if it "
                "succeeds, because the same page runs with --no-sandbox.",
                theme::kAccent);
    addSandboxState(builder);
    if (report_) {
      const uint32_t ink = report_->allowed == 0 ? kGood : theme::kDanger;
      builder.text(summaryLine(*report_), TextStyle{.pixel_size = 30, .argb = ink, .bold = true});
    } else {
      builder.text(
          "Running " + std::to_string(probeCatalog().size()) + " escape attempts\xE2\x80\xA6",
          theme::kHeading);
    }
    builder.space(theme::kGap);
    beginCard(builder);
    addHeaderRow(builder);
    for (const ProbeInfo& info : probeCatalog()) addProbeRow(builder, info);
    builder.endBox();
    addFooter(builder, services_.pid);
    return builder.finish(report_ ? reportTitle(*report_) : "Sandbox: running", theme::kPaper);
  }

  // After the page is on screen, so a probe that takes the renderer down leaves the page behind.
  void start() override {
    report_ = runAllProbes(probes_);
    services_.repaint();
  }

 private:
  void addSandboxState(PageBuilder& builder) {
    const std::vector<std::string> missing = probes_.layersNotEngaged();
    if (probes_.sandboxed() && !missing.empty()) {
      std::string names;
      for (const auto& name : missing) names += (names.empty() ? "" : ", ") + name;
      addNotice(builder, "This renderer is only partly sandboxed",
                "These layers did not engage: " + names +
                    ". The attempts they would have stopped may get further; the Sandbox panel "
                    "says why each one is off.",
                theme::kWarning, theme::kWarningSoft);
    } else if (probes_.sandboxed()) {
      addNotice(builder, "This renderer is sandboxed",
                "It was started without --no-sandbox, so the browser asked for every sandbox "
                "layer: namespaces, seccomp, Landlock, resource limits.",
                kGood, kGoodSoft);
    } else {
      addNotice(builder, "This renderer runs WITHOUT the sandbox (--no-sandbox)",
                "Only ordinary Unix permissions stand between a compromised renderer and the "
                "machine. The attempts below stop short of doing harm; a real attacker's would "
                "not.",
                theme::kDanger, theme::kDangerSoft);
    }
  }

  void addProbeRow(PageBuilder& builder, const ProbeInfo& info) {
    const ProbeRow* row = nullptr;
    if (report_) {
      for (const ProbeRow& candidate : report_->rows) {
        if (candidate.info->id == info.id) row = &candidate;
      }
    }
    TextStyle outcome_style = kCell;
    RowTexts texts = {std::string(info.operation), "denied", "running\xE2\x80\xA6", "-"};
    outcome_style.argb = theme::kMuted;
    if (row) {
      // Details come from the system (paths, file contents): valid UTF-8 only on the wire.
      texts[2] = sanitizeUtf8(outcomeText(row->outcome));
      texts[3] = errnoName(row->outcome.error);
      outcome_style.argb = verdictInk(row->outcome.verdict);
    }
    addRow(builder, texts, {kOperationCell, kCell, outcome_style, kCodeCell}, info.goal);
  }

  PageServices services_;
  SystemProbes& probes_;
  std::optional<ProbeReport> report_;  // empty until start() ran the probes
};

}  // namespace

std::unique_ptr<Page> makeSandboxPage(const PageServices& services, SystemProbes& probes) {
  return std::make_unique<SandboxPage>(services, probes);
}

}  // namespace sb::renderer
