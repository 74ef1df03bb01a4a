#pragma once

#include <cstddef>
#include <cstdint>

// What each Landlock ABI version can restrict. Debian bookworm's kernel headers stop at ABI 2, so
// the later rights and the longer ruleset attribute are spelled out here from the kernel's UAPI.
namespace sb::sandbox::landlock {

inline constexpr uint64_t kAccessFsTruncate = uint64_t{1} << 14;        // ABI 3
inline constexpr uint64_t kAccessFsIoctlDev = uint64_t{1} << 15;        // ABI 5
inline constexpr uint64_t kAccessNetBindTcp = uint64_t{1} << 0;         // ABI 4
inline constexpr uint64_t kAccessNetConnectTcp = uint64_t{1} << 1;      // ABI 4
inline constexpr uint64_t kScopeAbstractUnixSocket = uint64_t{1} << 0;  // ABI 6
inline constexpr uint64_t kScopeSignal = uint64_t{1} << 1;              // ABI 6

// struct landlock_ruleset_attr as of ABI 6. Older kernels are given only the prefix they know.
struct RulesetAttr {
  uint64_t handled_access_fs = 0;
  uint64_t handled_access_net = 0;
  uint64_t scoped = 0;
};

// Every filesystem right the ABI knows: handled with no rule, each is denied everywhere.
uint64_t filesystemRights(int abi);
// TCP bind and connect from ABI 4 on, else 0.
uint64_t networkRights(int abi);
// Abstract unix sockets and signals to processes outside the sandbox, from ABI 6 on, else 0.
uint64_t scopes(int abi);
// How many bytes of RulesetAttr the ABI understands.
size_t rulesetAttrSize(int abi);

}  // namespace sb::sandbox::landlock
