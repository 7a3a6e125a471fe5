// Invariant checks for the libFuzzer harnesses. A failed check prints what was violated and aborts,
// which libFuzzer reports as a crash and saves the input that caused it (assert() would vanish
// under -DNDEBUG, and the harnesses must check the same things in every build).
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#define FUZZ_CHECK(cond, ...)                                              \
  do {                                                                     \
    if (!(cond)) {                                                         \
      std::fprintf(stderr, "%s:%d: invariant violated: %s\n", __FILE__,  \
                   __LINE__, #cond);                                       \
      std::fprintf(stderr, "  " __VA_ARGS__);                              \
      std::fputc('\n', stderr);                                            \
      std::abort();                                                        \
    }                                                                      \
  } while (0)

namespace fuzz {

// Error messages are shown to the learner on one line: they must say something and must not echo
// an unbounded slice of a hostile file.
constexpr std::size_t kMaxMessageBytes = 512;

// Bitwise equality of two double arrays: a round trip must keep -0.0 and every last bit.
inline bool same_bits(const double* a, const double* b, std::size_t n) {
  return n == 0 || std::memcmp(a, b, n * sizeof(double)) == 0;
}

}  // namespace fuzz
