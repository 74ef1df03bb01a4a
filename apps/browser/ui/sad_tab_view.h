#pragma once

#include <QLabel>
#include <QPushButton>
#include <QWidget>

namespace sb::browser {

// What a tab shows when its renderer died: what happened, to which process, and a way back.
class SadTabView : public QWidget {
  Q_OBJECT

 public:
  explicit SadTabView(QWidget* parent = nullptr);
  void setCrash(const QString& reason, qint64 pid, const QString& url);
  // The crash-loop line: a tab that crashed again right after a reload, or is about to reload
  // itself (Browser::Options::auto_reload_crashed). Empty hides it.
  void setNote(const QString& note);
  QString reasonText() const { return details_->text(); }
  QString noteText() const { return note_->text(); }
  QPushButton* reloadButton() const { return reload_; }

 signals:
  void reloadRequested();

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QLabel* heading_;
  QLabel* details_;
  QLabel* note_;
  QLabel* explanation_;
  QPushButton* reload_;
};

}  // namespace sb::browser
