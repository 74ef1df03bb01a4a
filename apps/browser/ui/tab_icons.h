#pragma once

#include <QIcon>

namespace sb::browser {

// Small tab icons drawn in code, so the app needs no image files.
QIcon loadingIcon();
QIcon loadedIcon();
QIcon crashedIcon();
QIcon hungIcon();

}  // namespace sb::browser
