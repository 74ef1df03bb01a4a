#pragma once

// Whether this build runs under a sanitizer that reserves terabytes of shadow memory, which an
// address-space cap (RLIMIT_AS) would make fail at start. GCC defines __SANITIZE_*__; clang 14
// only answers __has_feature.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SB_ADDRESS_SANITIZER 1
#endif
#if __has_feature(thread_sanitizer)
#define SB_THREAD_SANITIZER 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(SB_ADDRESS_SANITIZER)
#define SB_ADDRESS_SANITIZER 1
#endif
#if defined(__SANITIZE_THREAD__) && !defined(SB_THREAD_SANITIZER)
#define SB_THREAD_SANITIZER 1
#endif

namespace sb {

#if defined(SB_ADDRESS_SANITIZER)
inline constexpr bool kAddressSanitizerBuild = true;
#else
inline constexpr bool kAddressSanitizerBuild = false;
#endif

#if defined(SB_ADDRESS_SANITIZER) || defined(SB_THREAD_SANITIZER)
inline constexpr bool kSanitizerBuild = true;
#else
inline constexpr bool kSanitizerBuild = false;
#endif

}  // namespace sb
