#pragma once

#include <string>

namespace sb {

// "ENOENT (No such file or directory)": the symbolic name a developer greps for, plus the text.
std::string errnoText(int err);

}  // namespace sb
