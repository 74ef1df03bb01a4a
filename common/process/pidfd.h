#pragma once

// glibc 2.36's <sys/pidfd.h> declares its functions without C linkage guards, so C++ would look
// for mangled names. Include it through this header only.
extern "C" {
#include <sys/pidfd.h>
}
