#include "apps/browser/headless/demo_printer.h"

namespace sb::browser {

void DemoPrinter::step(const QString& text) {
  out_ << QStringLiteral("[%1 s] ").arg(seconds(), 5, 'f', 2) << text << '\n';
  out_.flush();
}

void DemoPrinter::detail(const QString& text) {
  out_ << QStringLiteral("          ") << text << '\n';
  out_.flush();
}

}  // namespace sb::browser
