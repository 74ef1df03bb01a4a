#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace sb::browser {

class Browser;

// Settings… (Ctrl+,): the process model and the renderer process limit. OK hands them to the
// Browser, which uses them whenever a tab next needs a renderer; open tabs keep theirs. The
// language of the window is stored in QSettings and applies at the next start.
class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  explicit SettingsDialog(Browser& browser, QWidget* parent = nullptr);

  QComboBox* processModel() const { return model_; }
  // 0 shows "No limit".
  QSpinBox* processLimit() const { return limit_; }
  // Its items' data are the codes stored under kUiLanguageKey ("" for the system's language).
  QComboBox* language() const { return language_; }

  void accept() override;

 private:
  Browser& browser_;
  QComboBox* model_;
  QSpinBox* limit_;
  QComboBox* language_;
};

}  // namespace sb::browser
