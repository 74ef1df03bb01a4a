#pragma once

#include <QLabel>

namespace sb::browser {

class Browser;
struct Tab;

// The renderer pid on a tab in the tab strip. A tab that shares its renderer (per-site, or past the
// process limit) says so: "4242 ×3" and a tooltip naming the tabs it shares with, because those
// are the tabs one crash of that process takes down with it.
class PidBadge : public QLabel {
  Q_OBJECT

 public:
  explicit PidBadge(QWidget* parent = nullptr);

  // Shows the tab's renderer; true when the text (and so the width) changed.
  bool showTab(const Browser& browser, const Tab& tab);
  bool shared() const { return shared_; }

 private:
  bool shared_ = false;
};

}  // namespace sb::browser
