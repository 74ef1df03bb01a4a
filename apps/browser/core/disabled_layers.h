#pragma once

#include <QString>
#include <QStringList>
#include <string>
#include <variant>
#include <vector>

namespace sb::browser {

// The values of every --disable-sandbox-layer flag ("landlock", "seccomp-bpf,rlimits") as one
// list without repeats, or an error naming the unknown layer and the ones that exist.
std::variant<std::vector<std::string>, QString> parseDisabledSandboxLayers(const QStringList& values);

}  // namespace sb::browser
