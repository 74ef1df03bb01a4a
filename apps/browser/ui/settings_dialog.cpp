#include "apps/browser/ui/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "apps/browser/core/browser.h"

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

  auto* form = new QFormLayout;
  form->addRow(tr("Process model:"), model_);
  form->addRow(tr("Renderer process limit:"), limit_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note);
  layout->addWidget(buttons);
}

void SettingsDialog::accept() {
  browser_.setProcessModel(static_cast<ProcessModel>(model_->currentData().toInt()));
  browser_.setRendererProcessLimit(limit_->value());
  QDialog::accept();
}

}  // namespace sb::browser
