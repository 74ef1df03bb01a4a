#include "common/base/errno_text.h"

#include <string.h>

namespace sb {

std::string errnoText(int err) {
  const char* name = strerrorname_np(err);
  const char* text = strerrordesc_np(err);
  std::string out = name ? name : ("errno " + std::to_string(err));
  if (text) out += std::string(" (") + text + ")";
  return out;
}

}  // namespace sb
