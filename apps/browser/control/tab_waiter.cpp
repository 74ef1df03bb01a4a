#include "apps/browser/control/tab_waiter.h"

#include "apps/browser/control/control_json.h"
#include "apps/browser/core/browser.h"

namespace sb::browser {

TabWaiter::TabWaiter(Browser& browser, int tab_id, TabState state,
                     std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent), browser_(browser), tab_id_(tab_id), state_(state) {
  connect(&browser_, &Browser::tabChanged, this, &TabWaiter::onTabChanged);
  connect(&browser_, &Browser::tabClosed, this, [this](int id) {
    if (id == tab_id_) finish(errorReply(tr("tab %1 was closed while waiting").arg(id)));
  });
  timeout_.setSingleShot(true);
  timeout_.setTimerType(Qt::PreciseTimer);  // honour timeout_ms: a coarse timer may fire 5 % early
  // "timeout" is a protocol token that clients compare against, so it is not translated.
  connect(&timeout_, &QTimer::timeout, this,
          [this] { finish(errorReply(QStringLiteral("timeout"))); });
  timeout_.start(timeout);
}

void TabWaiter::onTabChanged(int tab_id) {
  if (tab_id != tab_id_) return;
  const Tab* tab = browser_.tab(tab_id_);
  if (!tab) {
    finish(errorReply(tr("tab %1 was closed while waiting").arg(tab_id_)));
  } else if (tab->state == state_) {
    finish(okReply({{"tab", tabJson(*tab)}}));
  }
}

void TabWaiter::finish(const QByteArray& reply_line) {
  if (done_) return;
  done_ = true;
  timeout_.stop();
  disconnect(&browser_, nullptr, this, nullptr);
  emit finished(reply_line);
}

}  // namespace sb::browser
