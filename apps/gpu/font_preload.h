#pragma once

namespace sb::gpu {

// Paints sample text in every style a display list can ask for, so the font files are opened and
// mapped before the sandbox takes the filesystem away. Needs the QGuiApplication.
void preloadFonts();

}  // namespace sb::gpu
