// A tiny strict flag parser: "--name value" pairs and "--name" switches, declared in a table that
// also produces the help text, so the parser and the documentation cannot disagree.
//
// Strict means: unknown flags, repeated flags, missing values, stray arguments, numbers with
// trailing garbage ("0.1x"), NaN, infinities and out-of-range values are all refused with a
// message naming the flag, e.g. "--momentum must be in [0, 1), got 1.5".
#pragma once
#include <map>
#include <string>
#include <vector>

#include "status.h"

namespace bp::cli {

enum class FlagKind {
  Text,     // any non-empty string (a path, a name)
  Real,     // a finite decimal number inside the flag's range
  Integer,  // a whole decimal number inside the flag's range (|n| < 2⁵³, exact in a double)
  Switch,   // no value; present or not
};

// A closed, open or half-open interval; hi may be +∞ (then only the lower bound is shown).
struct Range {
  double lo;
  double hi;
  bool lo_open;
  bool hi_open;
};

struct FlagSpec {
  const char* name;        // without the leading "--"
  FlagKind kind;
  const char* value_name;  // shown in the help, e.g. "η"; unused for switches
  bool required;
  const char* fallback;    // default value, parsed like user input; nullptr when none
  Range range;             // for Real and Integer
  const char* help;        // one sentence; mentions the default when fallback cannot express it
};

// Flags are required unless they have a fallback; see optional() below.
FlagSpec text_flag(const char* name, const char* value_name, const char* fallback,
                   const char* help);
FlagSpec real_flag(const char* name, const char* value_name, const char* fallback, Range range,
                   const char* help);
FlagSpec integer_flag(const char* name, const char* value_name, const char* fallback, Range range,
                      const char* help);
FlagSpec switch_flag(const char* name, const char* help);
// The same flag made optional without a default (the command decides; its help says what).
FlagSpec optional(FlagSpec spec);

// "[0, 1)", "(0, 1000000]", ">= 0".
std::string describe_range(const Range& r);

class Flags {
 public:
  // Parses args against specs. "--help" anywhere sets help_requested() and skips the other checks.
  static Status parse(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args,
                          Flags* out);

  bool help_requested() const { return help_; }
  // Whether the user gave the flag (or it has a default).
  bool has(const std::string& name) const { return values_.count(name) != 0; }
  const std::string& text(const std::string& name) const { return values_.at(name).text; }
  double real(const std::string& name) const { return values_.at(name).number; }
  long long integer(const std::string& name) const {
    return static_cast<long long>(values_.at(name).number);
  }
  bool on(const std::string& name) const { return has(name); }

 private:
  struct Value {
    std::string text;
    double number = 0;
  };
  bool help_ = false;
  std::map<std::string, Value> values_;
};

}  // namespace bp::cli
