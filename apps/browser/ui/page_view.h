#pragma once

#include <QWidget>
#include <memory>

#include "sandbrowser.pb.h"

namespace sb::browser {

class Browser;

// Paints the tab's latest frame from the GPU process (or, without one, its display list in
// software) and turns the person's clicks, wheel and keys into
// InputEvents for the renderer. It never interprets the page itself: even links are followed by
// the renderer (OpenUrl), so what a person sees is exactly what the renderer decided.
class PageView : public QWidget {
  Q_OBJECT

 public:
  PageView(Browser& browser, int tab_id, QWidget* parent = nullptr);

  void setDisplayList(std::shared_ptr<const wire::DisplayList> list);
  const wire::DisplayList* displayList() const { return list_.get(); }
  // Dims the page (a hung renderer's last frame).
  void setDimmed(bool dimmed);
  // Frame number, buffer and who painted it, drawn over the page (Ctrl+Alt+G).
  void setDebugOverlay(bool on);
  bool debugOverlay() const { return debug_overlay_; }
  // What the debug overlay says: "GPU frame 12 · buffer 1" or "software (browser process)".
  QString frameSourceText() const;

 signals:
  void linkHovered(const QString& href);  // empty when leaving a link

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  bool focusNextPrevChild(bool next) override;

 private:
  Browser& browser_;
  int tab_id_;
  std::shared_ptr<const wire::DisplayList> list_;
  QString hovered_href_;
  bool dimmed_ = false;
  bool debug_overlay_ = false;
};

}  // namespace sb::browser
