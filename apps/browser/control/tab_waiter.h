#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <chrono>

#include "apps/browser/core/tab.h"

namespace sb::browser {

class Browser;

// Carries out one `wait` request (the caller has checked the tab is not there yet): watches the
// Browser's signals (no polling) until the tab reaches the state, is closed, or the timeout passes,
// then emits finished() once with the reply line. The reply is built at the moment the state is
// reached, so it describes that moment even if the tab moves on before the connection sends it.
class TabWaiter : public QObject {
  Q_OBJECT

 public:
  TabWaiter(Browser& browser, int tab_id, TabState state, std::chrono::milliseconds timeout,
            QObject* parent = nullptr);

 signals:
  void finished(const QByteArray& reply_line);

 private:
  void onTabChanged(int tab_id);
  void finish(const QByteArray& reply_line);

  Browser& browser_;
  int tab_id_;
  TabState state_;
  QTimer timeout_;
  bool done_ = false;
};

}  // namespace sb::browser
