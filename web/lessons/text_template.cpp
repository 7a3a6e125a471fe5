#include "text_template.h"

namespace lessons {

using bp::Status;

Status TextTemplate::parse(std::string_view text, const StateMap& schema, TextTemplate* out) {
  TextTemplate t;
  t.source_ = std::string(text);
  std::size_t pos = 0;
  for (;;) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    const std::string where = "{{…}} at character " + std::to_string(open + 1) + ": ";
    if (close == std::string_view::npos) return Status::error(where + "no closing }}");
    Condition expr;
    if (Status s = Condition::parse(text.substr(open + 2, close - open - 2), &expr); !s)
      return Status::error(where + s.message());
    if (Status s = expr.check(schema, false); !s) return Status::error(where + s.message());
    t.literals_.emplace_back(text.substr(pos, open - pos));
    t.exprs_.push_back(std::move(expr));
    pos = close + 2;
  }
  t.literals_.emplace_back(text.substr(pos));
  *out = std::move(t);
  return Status::ok();
}

std::string TextTemplate::render(const StateMap& state) const {
  std::string out = literals_.empty() ? source_ : literals_[0];
  for (std::size_t k = 0; k < exprs_.size(); ++k) {
    Value v;
    out += exprs_[k].evaluate(state, &v) ? format_value(v) : "?";
    out += literals_[k + 1];
  }
  return out;
}

std::set<std::string> TextTemplate::names() const {
  std::set<std::string> all;
  for (const Condition& c : exprs_) all.insert(c.names().begin(), c.names().end());
  return all;
}

}  // namespace lessons
