#include "apps/browser/ui/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

#include "apps/browser/core/browser.h"
#include "apps/browser/ui/language_setup.h"

namespace sb::browser {

SettingsDialog::SettingsDialog(Browser& browser, QWidget* parent)
    : QDialog(parent), browser_(browser) {
  setWindowTitle(tr("Settings - Sandbrowser"));
  setObjectName(QStringLiteral("settingsDialog"));

  model_ = new QComboBox(this);
  model_->setObjectName(QStringLiteral("processModel"));
  model_->addItem(tr("Per tab: every tab its own renderer"),
                  static_cast<int>(ProcessModel::kPerTab));
  model_->addItem(tr("Per site: tabs of one site share a renderer"),
                  static_cast<int>(ProcessModel::kPerSite));
  model_->addItem(tr("Single process: every tab a renderer thread in the browser"),
                  static_cast<int>(ProcessModel::kSingleProcess));
  model_->setCurrentIndex(model_->findData(static_cast<int>(browser_.options().process_model)));

  limit_ = new QSpinBox(this);
  limit_->setObjectName(QStringLiteral("processLimit"));
  limit_->setRange(kNoRendererProcessLimit, kMaxRendererProcessLimit);
  limit_->setSpecialValueText(tr("No limit"));  // shown for the minimum, 0
  limit_->setValue(browser_.options().renderer_process_limit);
  limit_->setToolTip(tr("Past this many renderers, new tabs share the least loaded one"));

  auto* note = new QLabel(
      tr("Applies to new tabs, reloads of crashed tabs and navigations to another site. Open tabs "
         "keep their renderer. Tabs that share a renderer crash together; in the single-process "
         "model a renderer crash ends the whole browser."),
      this);
  note->setWordWrap(true);

  language_ = new QComboBox(this);
  language_->setObjectName(QStringLiteral("uiLanguage"));
  language_->addItem(tr("System default"), QString());
  for (const UiLanguage& language : uiLanguages()) language_->addItem(language.name, language.code);
  language_->setCurrentIndex(std::max(
      0, language_->findData(QSettings().value(QLatin1String(kUiLanguageKey)).toString())));
  // Retranslating every open widget live is not worth its code for a setting changed once.
  auto* language_note = new QLabel(tr("The language applies when Sandbrowser next starts."), this);
  language_note->setWordWrap(true);

  auto* form = new QFormLayout;
  form->addRow(tr("Process model:"), model_);
  form->addRow(tr("Renderer process limit:"), limit_);
  auto* language_form = new QFormLayout;
  language_form->addRow(tr("Language:"), language_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note);
  layout->addSpacing(8);
  layout->addLayout(language_form);
  layout->addWidget(language_note);
  layout->addWidget(buttons);
}

void SettingsDialog::accept() {
  browser_.setProcessModel(static_cast<ProcessModel>(model_->currentData().toInt()));
  browser_.setRendererProcessLimit(limit_->value());
  QSettings settings;
  const QString language = language_->currentData().toString();
  if (language.isEmpty()) {
    settings.remove(QLatin1String(kUiLanguageKey));
  } else {
    settings.setValue(QLatin1String(kUiLanguageKey), language);
  }
  QDialog::accept();
}

}  // namespace sb::browser
