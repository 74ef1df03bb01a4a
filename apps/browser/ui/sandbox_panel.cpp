#include "apps/browser/ui/sandbox_panel.h"

#include <QHeaderView>
#include <QVBoxLayout>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/state_text.h"

namespace sb::browser {

SandboxPanel::SandboxPanel(Browser& browser, QWidget* parent)
    : QDockWidget(tr("Sandbox"), parent), browser_(browser) {
  setObjectName(QStringLiteral("sandboxPanel"));
  auto* body = new QWidget(this);
  auto* layout = new QVBoxLayout(body);
  summary_ = new QLabel(body);
  summary_->setWordWrap(true);
  tree_ = new QTreeWidget(body);
  tree_->setColumnCount(3);
  tree_->setHeaderLabels({tr("Process / layer"), tr("Engaged"), tr("Detail")});
  tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  tree_->setRootIsDecorated(true);
  tree_->setUniformRowHeights(true);
  layout->addWidget(summary_);
  layout->addWidget(tree_, 1);
  setWidget(body);
  refresh_timer_.setInterval(1000);
  connect(&refresh_timer_, &QTimer::timeout, this, &SandboxPanel::refresh);
  connect(&browser_, &Browser::renderersChanged, this, [this] {
    if (isVisible()) refresh();
  });
}

void SandboxPanel::showEvent(QShowEvent* event) {
  refresh();
  refresh_timer_.start();
  QDockWidget::showEvent(event);
}

void SandboxPanel::hideEvent(QHideEvent* event) {
  refresh_timer_.stop();
  QDockWidget::hideEvent(event);
}

void SandboxPanel::refresh() {
  tree_->clear();
  int processes = 0;
  int fully_sandboxed = 0;
  for (const ProcessHost* host : browser_.renderers()) {
    if (host->state() != ProcessHost::State::kRunning) continue;
    ++processes;
    const auto layers = host->sandboxLayers();
    int engaged = 0;
    auto* process_item = new QTreeWidgetItem(tree_);
    for (const auto& layer : layers) {
      auto* item = new QTreeWidgetItem(process_item);
      item->setText(0, QString::fromStdString(layer.name()));
      item->setText(1, layer.engaged() ? tr("yes") : tr("NO"));
      item->setText(2, QString::fromStdString(layer.detail()));
      item->setForeground(1, layer.engaged() ? QColor(0x18, 0x80, 0x38) : QColor(0xc5, 0x22, 0x1f));
      engaged += layer.engaged() ? 1 : 0;
    }
    const bool complete = !layers.empty() && engaged == static_cast<int>(layers.size());
    fully_sandboxed += complete ? 1 : 0;
    QStringList tabs;
    for (int tab : browser_.tabsOf(host)) tabs << QString::number(tab);
    process_item->setText(0, tr("%1 pid %2 (tab %3)")
                                 .arg(processKindText(host->kind()))
                                 .arg(host->pid())
                                 .arg(tabs.join(QStringLiteral(", "))));
    process_item->setText(1, tr("%1 of %2").arg(engaged).arg(layers.size()));
    process_item->setForeground(1, complete ? QColor(0x18, 0x80, 0x38) : QColor(0xc5, 0x22, 0x1f));
    process_item->setExpanded(true);
  }
  if (!browser_.options().sandbox) {
    summary_->setText(tr("<b style='color:#c5221f'>The sandbox is off (--no-sandbox).</b> Renderers run with "
                         "every right of your user account."));
  } else {
    summary_->setText(tr("%1 of %2 running child processes have every sandbox layer engaged.")
                          .arg(fully_sandboxed)
                          .arg(processes));
  }
}

}  // namespace sb::browser
