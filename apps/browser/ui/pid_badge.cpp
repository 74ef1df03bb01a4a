#include "apps/browser/ui/pid_badge.h"

#include <QStringList>

#include "apps/browser/core/browser.h"

namespace sb::browser {
namespace {

constexpr int kNamedTabs = 5;  // a tooltip names this many sharers, then counts the rest

enum class Look { kOwn, kShared, kDead };

QString styleFor(Look look) {
  const QString base = QStringLiteral("border-radius:6px;padding:0 4px;font-size:10px;");
  switch (look) {
    case Look::kDead:
      return QStringLiteral(
                 "QLabel{background:#fce8e6;color:#a50e0e;text-decoration:line-through;") +
             base + '}';
    case Look::kShared:
      return QStringLiteral("QLabel{background:#f3e8fd;color:#681da8;") + base + '}';
    case Look::kOwn:
      break;
  }
  return QStringLiteral("QLabel{background:#e8f0fe;color:#174ea6;") + base + '}';
}

QString sharersText(const Browser& browser, const std::vector<int>& others) {
  QStringList names;
  for (int id : others) {
    if (names.size() == kNamedTabs) {
      names << PidBadge::tr("%n more", "", static_cast<int>(others.size()) - kNamedTabs);
      break;
    }
    const Tab* tab = browser.tab(id);
    names << (tab && !tab->title.isEmpty() ? tab->title : PidBadge::tr("tab %1").arg(id));
  }
  return names.join(QStringLiteral(", "));
}

}  // namespace

PidBadge::PidBadge(QWidget* parent) : QLabel(parent) {
  setObjectName(QStringLiteral("pidBadge"));
  setStyleSheet(styleFor(Look::kOwn));
}

bool PidBadge::showTab(const Browser& browser, const Tab& tab) {
  const bool dead = tab.state == TabState::kCrashed;
  const qint64 pid = dead ? tab.crashed_pid : tab.renderer_pid;
  std::vector<int> others;
  if (!dead && tab.renderer) {
    for (int id : browser.tabsOf(tab.renderer)) {
      if (id != tab.id) others.push_back(id);
    }
  }
  shared_ = !others.empty();
  const Look look = dead ? Look::kDead : shared_ ? Look::kShared : Look::kOwn;
  if (const QString style = styleFor(look); styleSheet() != style) setStyleSheet(style);
  const bool thread = !dead && tab.renderer && tab.renderer->inProcess();
  QString text = pid > 0 ? QString::number(pid) : QStringLiteral("…");
  if (thread) text = tr("thread in %1").arg(text);
  if (shared_) text += QStringLiteral(" ×%1").arg(others.size() + 1);
  if (thread) {
    setToolTip(tr("Renderer thread inside the browser process (pid %1): its crash ends the browser").arg(pid));
  } else if (dead) {
    setToolTip(tr("Renderer pid %1 (dead)").arg(pid));
  } else if (shared_) {
    setToolTip(tr("Shares renderer pid %1 with: %2").arg(pid).arg(sharersText(browser, others)));
  } else {
    setToolTip(tr("Renderer pid %1").arg(pid));
  }
  if (this->text() == text) return false;
  setText(text);
  adjustSize();
  return true;
}

}  // namespace sb::browser
