#pragma once

namespace sb::sandbox {

// Loads, before the sandbox engages, what a child would otherwise read from the filesystem later
// and be refused: the time zone (/etc/localtime, read lazily by the first localtime_r(), which
// every log line's timestamp calls). Found with strace: after start-up the renderer opened
// nothing else. A sandboxed child never "just opens a file".
void preloadBeforeSandbox();

}  // namespace sb::sandbox
