// TextTemplate: a step's text with live values. "{{expr}}" is replaced by the value of a condition
// expression over the lab's state, so a lesson can show the learner's own numbers, e.g.
//   "Your network's error is E = {{loss_train}}; √MSE = {{sqrt(errors.mse)}}."
// Numbers are shown with 6 significant digits.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "condition.h"
#include "state_map.h"
#include "status.h"

namespace lessons {

class TextTemplate {
 public:
  // Parses every {{…}} and checks it against the schema (condition.h). Errors give the
  // expression's place, e.g. "{{…}} at character 40: position 3: …".
  static bp::Status parse(std::string_view text, const StateMap& schema, TextTemplate* out);

  // The text with each expression's value; an expression that fails shows as "?".
  std::string render(const StateMap& state) const;
  const std::string& source() const { return source_; }
  // The state keys the expressions read.
  std::set<std::string> names() const;

 private:
  std::string source_;
  std::vector<std::string> literals_;  // literals_[k] comes before exprs_[k]; one more literal
  std::vector<Condition> exprs_;
};

}  // namespace lessons
