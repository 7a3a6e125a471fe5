#include "flags.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>

namespace bp::cli {
namespace {

// Integral values print without exponent ("1000000", not "1e+06"); others with %g.
std::string format_bound(double v) {
  char buf[40];
  if (std::fabs(v) < 1e16 && v == std::floor(v))
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// A user's text echoed in a message: at most 40 characters, control characters replaced, so the
// message stays one line whatever was typed.
std::string echo(const std::string& s) {
  std::string out;
  for (char c : s.substr(0, 40)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  if (s.size() > 40) out += "...";
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [+-] digits — nothing else, so "1e3", "1.0", " 1" and "0x10" are refused.
bool is_integer_syntax(const std::string& s) {
  std::size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i)
    if (!is_digit(s[i])) return false;
  return true;
}

// [+-] (digits [. digits*] | . digits) [(e|E) [+-] digits] — a plain decimal number. strtod alone
// would also take "nan", "inf", hexadecimal and leading blanks.
bool is_real_syntax(const std::string& s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t mantissa_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

bool in_range(double v, const Range& r) {
  const bool above = r.lo_open ? v > r.lo : v >= r.lo;
  const bool below = r.hi_open ? v < r.hi : v <= r.hi;
  return above && below;
}

const FlagSpec* find_spec(const std::vector<FlagSpec>& specs, const std::string& name) {
  for (const FlagSpec& s : specs)
    if (name == s.name) return &s;
  return nullptr;
}

// Checks one value against its spec; *number gets the parsed value of numeric flags.
Status parse_value(const FlagSpec& spec, const std::string& text, double* number) {
  const std::string flag = std::string("--") + spec.name;
  if (text.empty()) return Status::error(flag + " needs a value");
  if (spec.kind == FlagKind::Text) return Status::ok();
  if (spec.kind == FlagKind::Integer && !is_integer_syntax(text))
    return Status::error(flag + " must be a whole number, got \"" + echo(text) + "\"");
  if (spec.kind == FlagKind::Real && !is_real_syntax(text))
    return Status::error(flag + " must be a finite decimal number, got \"" + echo(text) + "\"");
  const double v = std::strtod(text.c_str(), nullptr);
  // Overflow ("1e999", or 400 digits) gives ±∞, which no range admits.
  if (!std::isfinite(v) || !in_range(v, spec.range))
    return Status::error(flag + " must be " +
                         (spec.range.hi == std::numeric_limits<double>::infinity() ? "" : "in ") +
                         describe_range(spec.range) + ", got " + echo(text));
  *number = v;
  return Status::ok();
}

}  // namespace

FlagSpec text_flag(const char* name, const char* value_name, const char* fallback,
                   const char* help) {
  return {name, FlagKind::Text, value_name, fallback == nullptr, fallback, {0, 0, false, false}, help};
}

FlagSpec real_flag(const char* name, const char* value_name, const char* fallback, Range range,
                   const char* help) {
  return {name, FlagKind::Real, value_name, fallback == nullptr, fallback, range, help};
}

FlagSpec integer_flag(const char* name, const char* value_name, const char* fallback, Range range,
                      const char* help) {
  return {name, FlagKind::Integer, value_name, fallback == nullptr, fallback, range, help};
}

FlagSpec switch_flag(const char* name, const char* help) {
  return {name, FlagKind::Switch, "", false, nullptr, {0, 0, false, false}, help};
}

FlagSpec optional(FlagSpec spec) {
  spec.required = false;
  return spec;
}

std::string describe_range(const Range& r) {
  if (r.hi == std::numeric_limits<double>::infinity())
    return (r.lo_open ? "> " : ">= ") + format_bound(r.lo);
  return (r.lo_open ? "(" : "[") + format_bound(r.lo) + ", " + format_bound(r.hi) +
         (r.hi_open ? ")" : "]");
}

Status Flags::parse(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args,
                    Flags* out) {
  Flags flags;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      flags.help_ = true;
      *out = flags;
      return Status::ok();
    }
  }
  std::set<std::string> given;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0)
      return Status::error("unexpected argument \"" + echo(arg) + "\"");
    const std::string name = arg.substr(2);
    const FlagSpec* spec = find_spec(specs, name);
    if (spec == nullptr) {
      const std::size_t eq = name.find('=');
      if (eq != std::string::npos && find_spec(specs, name.substr(0, eq)) != nullptr)
        return Status::error("write \"--" + name.substr(0, eq) + " " + echo(name.substr(eq + 1)) +
                             "\" instead of \"" + echo(arg) + "\"");
      return Status::error("unknown flag " + echo(arg));
    }
    if (!given.insert(name).second) return Status::error(arg + " is given twice");
    Value value;
    if (spec->kind != FlagKind::Switch) {
      // A following "--flag" is the next flag, not this one's value (negative numbers have one dash).
      if (i + 1 == args.size() || args[i + 1].compare(0, 2, "--") == 0)
        return Status::error(arg + " needs a value");
      value.text = args[++i];
      Status s = parse_value(*spec, value.text, &value.number);
      if (!s) return s;
    }
    flags.values_[name] = value;
  }
  for (const FlagSpec& spec : specs) {
    if (given.count(spec.name)) continue;
    if (spec.required) return Status::error(std::string("missing --") + spec.name);
    if (spec.fallback != nullptr) {
      Value value{spec.fallback, 0};
      Status s = parse_value(spec, value.text, &value.number);
      if (!s) return s;  // a broken default is a bug, but still reported rather than ignored
      flags.values_[spec.name] = value;
    }
  }
  *out = flags;
  return Status::ok();
}

}  // namespace bp::cli
