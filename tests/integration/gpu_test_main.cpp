// GoogleTest main for the GPU integration tests: comparing frames with software painting needs
// fonts, so a QGuiApplication runs here, offscreen (no display), as in the GPU process itself.
#include <gtest/gtest.h>

#include <QGuiApplication>
#include <cstdlib>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::setenv("QT_QPA_PLATFORM", "offscreen", 0);
  QGuiApplication app(argc, argv);
  return RUN_ALL_TESTS();
}
