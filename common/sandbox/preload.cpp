#include "common/sandbox/preload.h"

#include <time.h>

namespace sb::sandbox {

void preloadBeforeSandbox() {
  // glibc reads the zone once; localtime_r() never looks at the file again afterwards.
  ::tzset();
  const time_t now = ::time(nullptr);
  tm local{};
  ::localtime_r(&now, &local);
}

}  // namespace sb::sandbox
