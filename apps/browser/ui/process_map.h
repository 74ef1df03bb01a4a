#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QPointF>
#include <QString>
#include <QTimer>
#include <QWidget>
#include <map>
#include <vector>

namespace sb::browser {

class Browser;

// A live diagram of the processes: the browser in the middle, every child (each renderer with its
// tabs, the GPU process, each plugin process) on a circle around it, coloured by state. The edge
// to a child pulses when messages crossed its channel since the last refresh. A child that exited
// stays on the map in red for a few seconds before it disappears. Clicking a node emits
// processSelected().
class ProcessMap : public QWidget {
  Q_OBJECT

 public:
  static inline const QColor kRunning{0x18, 0x80, 0x38};       // green
  static inline const QColor kUnresponsive{0xe3, 0x74, 0x00};  // amber
  static inline const QColor kExited{0xc5, 0x22, 0x1f};        // red
  static inline const QColor kStarting{0x1a, 0x73, 0xe8};      // blue
  static inline const QColor kUnknown{0x80, 0x86, 0x8b};       // grey

  struct Node {
    qint64 pid;
    QString label;
    QColor colour;
    QPointF centre;
  };

  explicit ProcessMap(Browser& browser, QWidget* parent = nullptr);

  std::vector<Node> nodes() const;
  void refresh();

  QSize sizeHint() const override { return {420, 360}; }
  QSize minimumSizeHint() const override { return {260, 220}; }

 signals:
  void processSelected(qint64 pid);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  enum class Kind { kBrowser, kRenderer, kGpu, kPlugin };
  struct Entry {
    Kind kind;
    Node node;
    double pulse = 0;    // 0..1, how recently its channel carried messages
    bool ghost = false;  // exited, kept for a moment
  };
  struct Ghost {
    Kind kind;
    QString label;
    qint64 until_ms;
  };

  void remember(qint64 pid, Kind kind, const QString& label);
  void layoutNodes();
  static QRectF nodeRect(const Node& node);

  Browser& browser_;
  QTimer timer_;  // only while visible
  QElapsedTimer clock_;
  std::vector<Entry> entries_;
  std::map<qint64, uint64_t> messages_;    // per pid: messages both ways at the last refresh
  std::map<qint64, double> pulses_;
  std::map<qint64, Ghost> ghosts_;         // exited children still shown, by pid
};

}  // namespace sb::browser
