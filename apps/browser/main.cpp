#include <QApplication>
#include <QLabel>

#include "apps/browser/core/process_host.h"
#include "common/log/logging.h"

int main(int argc, char** argv) {
  sb::log::initLogging("browser");
  QApplication app(argc, argv);
  QLabel label(QObject::tr("Starting a renderer..."));
  label.resize(480, 120);
  label.show();
  sb::browser::ProcessHost host({.kind = sb::wire::PROCESS_KIND_RENDERER, .executable = "sandbrowser-renderer"});
  QObject::connect(&host, &sb::browser::ProcessHost::ready, &label, [&] {
    label.setText(QObject::tr("Renderer pid %1 said Hello.").arg(host.pid()));
  });
  QObject::connect(&host, &sb::browser::ProcessHost::exited, &label,
                   [&](const QString& reason) { label.setText(QObject::tr("Renderer %1").arg(reason)); });
  host.start();
  return app.exec();
}
