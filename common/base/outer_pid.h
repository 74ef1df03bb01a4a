#pragma once

namespace sb {

// The pid a person sees in `ps` and the browser shows on the tab. Inside a pid namespace getpid()
// is small (a sandboxed renderer is pid 2 there), but /proc is still the browser's mount, so
// /proc/self names the outer pid. Call it before the sandbox closes /proc.
int outerPid();

}  // namespace sb
