#pragma once

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>

namespace sb::browser {

class Browser;
class PageView;
class SadTabView;

// The content area of one tab: the page, or the sad tab when its renderer is gone, with a banner
// when the renderer stops answering, and a warning when its sandbox is off or incomplete.
class TabView : public QWidget {
  Q_OBJECT

 public:
  TabView(Browser& browser, int tab_id, QWidget* parent = nullptr);

  int tabId() const { return tab_id_; }
  PageView* pageView() const { return page_; }
  SadTabView* sadTabView() const { return sad_; }
  bool showsSadTab() const;
  bool showsNoSandboxBanner() const;
  // The non-modal "Page unresponsive — Wait / Kill" bar.
  bool showsUnresponsiveBar() const;
  // The warning shown when the renderer's sandbox is on but some layer did not engage; empty if none.
  QString sandboxWarning() const;

  // Pulls the tab's state from the browser and shows it.
  void refresh();
  void refreshContent();

 signals:
  void linkHovered(const QString& href);

 private:
  Browser& browser_;
  int tab_id_;
  QWidget* hung_bar_;
  QLabel* hung_text_;
  QLabel* no_sandbox_banner_;
  QLabel* degraded_sandbox_banner_;
  QStackedWidget* stack_;
  PageView* page_;
  SadTabView* sad_;
};

}  // namespace sb::browser
