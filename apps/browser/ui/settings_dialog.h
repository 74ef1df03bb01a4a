#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace sb::browser {

class Browser;

// Settings… (Ctrl+,): the process model and the renderer process limit. OK hands them to the
// Browser, which uses them whenever a tab next needs a renderer; open tabs keep theirs.
class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(Browser& browser, QWidget* parent = nullptr);

  QComboBox* processModel() const { return model_; }
  // 0 shows "No limit".
  QSpinBox* processLimit() const { return limit_; }

  void accept() override;

 private:
  Browser& browser_;
  QComboBox* model_;
  QSpinBox* limit_;
};

}  // namespace sb::browser
