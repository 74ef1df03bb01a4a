#include "apps/browser/ui/tab_view.h"

#include <signal.h>

#include <QHBoxLayout>
#include <QVBoxLayout>

#include "apps/browser/core/browser.h"
#include "apps/browser/core/process_host.h"
#include "apps/browser/ui/page_view.h"
#include "apps/browser/ui/sad_tab_view.h"

namespace sb::browser {

TabView::TabView(Browser& browser, int tab_id, QWidget* parent)
    : QWidget(parent), browser_(browser), tab_id_(tab_id) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  // Inside the tab, never a modal dialog: the other tabs and the window stay usable.
  hung_bar_ = new QWidget(this);
  hung_bar_->setObjectName(QStringLiteral("hungBanner"));
  hung_bar_->setAttribute(Qt::WA_StyledBackground);
  hung_bar_->setStyleSheet(QStringLiteral("#hungBanner{background:#fff3cd;} QLabel{color:#5c4400;}"));
  auto* hung_layout = new QHBoxLayout(hung_bar_);
  hung_layout->setContentsMargins(10, 4, 10, 4);
  hung_text_ = new QLabel(hung_bar_);
  hung_text_->setWordWrap(true);
  auto* wait = new QPushButton(tr("Wait"), hung_bar_);
  wait->setObjectName(QStringLiteral("waitButton"));
  auto* kill = new QPushButton(tr("Kill"), hung_bar_);
  kill->setObjectName(QStringLiteral("killButton"));
  hung_layout->addWidget(hung_text_, 1);
  hung_layout->addWidget(wait);
  hung_layout->addWidget(kill);
  hung_bar_->hide();
  connect(wait, &QPushButton::clicked, this, [this] { browser_.keepWaiting(tab_id_); });
  connect(kill, &QPushButton::clicked, this, [this] { browser_.killRenderer(tab_id_, SIGKILL); });
  no_sandbox_banner_ = new QLabel(
      tr("The sandbox is off (--no-sandbox): this tab's renderer can read and write your files, open network "
         "connections and start programs."),
      this);
  no_sandbox_banner_->setObjectName(QStringLiteral("noSandboxBanner"));
  no_sandbox_banner_->setWordWrap(true);
  no_sandbox_banner_->setStyleSheet(QStringLiteral("background:#c5221f;color:white;font-weight:bold;padding:6px 10px;"));
  no_sandbox_banner_->setVisible(!browser.options().sandbox);
  degraded_sandbox_banner_ = new QLabel(this);
  degraded_sandbox_banner_->setObjectName(QStringLiteral("degradedSandboxBanner"));
  degraded_sandbox_banner_->setWordWrap(true);
  degraded_sandbox_banner_->setStyleSheet(QStringLiteral("background:#fce8b2;color:#5c3c00;padding:6px 10px;"));
  degraded_sandbox_banner_->hide();
  stack_ = new QStackedWidget(this);
  page_ = new PageView(browser, tab_id, stack_);
  sad_ = new SadTabView(stack_);
  stack_->addWidget(page_);
  stack_->addWidget(sad_);
  layout->addWidget(no_sandbox_banner_);
  layout->addWidget(degraded_sandbox_banner_);
  layout->addWidget(hung_bar_);
  layout->addWidget(stack_, 1);
  connect(sad_, &SadTabView::reloadRequested, this, [this] { browser_.reload(tab_id_); });
  connect(page_, &PageView::linkHovered, this, &TabView::linkHovered);
}

bool TabView::showsSadTab() const { return stack_->currentWidget() == sad_; }

bool TabView::showsNoSandboxBanner() const { return !no_sandbox_banner_->isHidden(); }

bool TabView::showsUnresponsiveBar() const { return !hung_bar_->isHidden(); }

QString TabView::sandboxWarning() const {
  return degraded_sandbox_banner_->isHidden() ? QString() : degraded_sandbox_banner_->text();
}

namespace {

// "landlock (turned off with ...); seccomp-bpf (...)" for the layers that did not engage.
QString missingLayers(const ProcessHost& renderer) {
  QStringList missing;
  for (const auto& layer : renderer.sandboxLayers()) {
    if (!layer.engaged()) {
      missing << QStringLiteral("%1 (%2)").arg(QString::fromStdString(layer.name()),
                                               QString::fromStdString(layer.detail()));
    }
  }
  return missing.join(QStringLiteral("; "));
}

// What the sad tab adds about automatic reloads; empty when there is nothing to say.
QString crashLoopNote(const Tab& tab, bool auto_reload) {
  if (tab.crash_loop) {
    const double after_s = static_cast<double>(tab.crash_loop_after_ns) / 1e9;
    const QString seconds = QString::number(after_s, 'f', after_s < 0.1 ? 2 : 1);  // never "0.0 s"
    return auto_reload ? TabView::tr("This page crashed again %1 s after it was reloaded, so it is not being "
                                     "reloaded automatically.").arg(seconds)
                       : TabView::tr("This page crashed again %1 s after it was reloaded.").arg(seconds);
  }
  return tab.auto_reload_pending ? TabView::tr("Reloading automatically in a moment...") : QString();
}

}  // namespace

void TabView::refresh() {
  const Tab* tab = browser_.tab(tab_id_);
  if (!tab) return;
  if (tab->state == TabState::kCrashed) {
    sad_->setCrash(tab->crash_reason, tab->crashed_pid, tab->url.toString());
    sad_->setNote(crashLoopNote(*tab, browser_.autoReloadCrashed()));
    stack_->setCurrentWidget(sad_);
  } else {
    stack_->setCurrentWidget(page_);
  }
  const bool hung = tab->state == TabState::kUnresponsive;
  hung_bar_->setVisible(hung);
  if (hung) {
    hung_text_->setText(tr("Page unresponsive: its renderer (pid %1) has not answered for %2 s. Wait for it, "
                           "or kill it (the other tabs are not affected).")
                            .arg(tab->renderer_pid)
                            .arg(std::chrono::duration_cast<std::chrono::seconds>(browser_.options().unresponsive_after).count()));
  }
  page_->setDimmed(hung);

  // Only a running renderer has reported its layers.
  const QString missing = browser_.options().sandbox && tab->renderer &&
                                  tab->renderer->state() == ProcessHost::State::kRunning
                              ? missingLayers(*tab->renderer)
                              : QString();
  degraded_sandbox_banner_->setVisible(!missing.isEmpty());
  if (!missing.isEmpty() && tab->renderer->inProcess()) {
    degraded_sandbox_banner_->setText(
        tr("Single-process model: this tab's renderer is a thread of the browser process. No sandbox can separate "
           "it from the browser, and a crash in it ends the whole browser, every tab with it."));
  } else if (!missing.isEmpty()) {
    degraded_sandbox_banner_->setText(
        tr("This tab's sandbox is incomplete; the renderer runs without: %1. See the Sandbox panel.").arg(missing));
  }
}

void TabView::refreshContent() {
  if (const Tab* tab = browser_.tab(tab_id_)) page_->setDisplayList(tab->composed);
}

}  // namespace sb::browser
