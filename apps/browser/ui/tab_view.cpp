#include "apps/browser/ui/tab_view.h"

#include <QVBoxLayout>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/page_view.h"
#include "apps/browser/ui/sad_tab_view.h"

namespace sb::browser {

TabView::TabView(Browser& browser, int tab_id, QWidget* parent)
    : QWidget(parent), browser_(browser), tab_id_(tab_id) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  hung_banner_ = new QLabel(this);
  hung_banner_->setObjectName(QStringLiteral("hungBanner"));
  hung_banner_->setStyleSheet(QStringLiteral("background:#fff3cd;color:#5c4400;padding:6px 10px;"));
  hung_banner_->hide();
  no_sandbox_banner_ = new QLabel(
      tr("The sandbox is off (--no-sandbox): this tab's renderer can read and write your files, open network "
         "connections and start programs."),
      this);
  no_sandbox_banner_->setObjectName(QStringLiteral("noSandboxBanner"));
  no_sandbox_banner_->setWordWrap(true);
  no_sandbox_banner_->setStyleSheet(QStringLiteral("background:#c5221f;color:white;font-weight:bold;padding:6px 10px;"));
  no_sandbox_banner_->setVisible(!browser.options().sandbox);
  stack_ = new QStackedWidget(this);
  page_ = new PageView(browser, tab_id, stack_);
  sad_ = new SadTabView(stack_);
  stack_->addWidget(page_);
  stack_->addWidget(sad_);
  layout->addWidget(no_sandbox_banner_);
  layout->addWidget(hung_banner_);
  layout->addWidget(stack_, 1);
  connect(sad_, &SadTabView::reloadRequested, this, [this] { browser_.reload(tab_id_); });
  connect(page_, &PageView::linkHovered, this, &TabView::linkHovered);
}

bool TabView::showsSadTab() const { return stack_->currentWidget() == sad_; }

bool TabView::showsNoSandboxBanner() const { return !no_sandbox_banner_->isHidden(); }

void TabView::refresh() {
  const Tab* tab = browser_.tab(tab_id_);
  if (!tab) return;
  if (tab->state == TabState::kCrashed) {
    sad_->setCrash(tab->crash_reason, tab->crashed_pid, tab->url.toString());
    stack_->setCurrentWidget(sad_);
  } else {
    stack_->setCurrentWidget(page_);
  }
  const bool hung = tab->state == TabState::kUnresponsive;
  hung_banner_->setVisible(hung);
  if (hung) {
    hung_banner_->setText(tr("The renderer (pid %1) is not responding. Reload (Ctrl+R) starts a new one; "
                             "the kill menu can end it.")
                              .arg(tab->renderer_pid));
  }
  page_->setDimmed(hung);
}

void TabView::refreshContent() {
  if (const Tab* tab = browser_.tab(tab_id_)) page_->setDisplayList(tab->display_list);
}

}  // namespace sb::browser
