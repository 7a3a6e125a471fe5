#include "answer_text.h"

#include <cmath>
#include <cstdlib>

namespace bplab {

bool parse_answer(const char* text, double* out) {
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  if (end == text) return false;
  while (*end == ' ') ++end;
  if (*end != '\0' || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace bplab
