// Condition: a small expression over the lab's state, parsed once and evaluated every frame, e.g.
//   loss_train < 0.05
//   learning_rate >= 3 && diverged
//   inspector.weight == "w5" && abs(answer - inspector.next_weight) < 1e-4
// Values are numbers, true/false and text. Operators, loosest first:
//   ||   &&   == !=   < <= > >=   + -   * /   unary ! and -
// Functions: abs(x), sqrt(x), min(a, b), max(a, b). Names are state keys (state_map.h). Types
// are strict: && || ! take true/false, arithmetic and ordering take numbers, == and != take two
// values of the same type. Errors name the 1-based character position in the expression.
// An expression has at most 200 tokens (so no file can nest it deep enough to overflow the stack),
// and a message quotes at most 40 bytes of a name or text.
#pragma once
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "state_map.h"
#include "status.h"

namespace lessons {

struct ConditionNode;

class Condition {
 public:
  // On error *out is untouched; the message names the position, e.g.
  // "position 12: expected a number, name, text or '(' after '<'".
  static bp::Status parse(std::string_view text, Condition* out);

  // Checks every name against a schema (keys as schema_key() gives them, each with an example
  // value of its type) and the operators' types; with want_bool, that the result is true/false.
  bp::Status check(const StateMap& schema, bool want_bool) const;
  // Evaluates against the state. An unknown name or a type mismatch is an error.
  bp::Status evaluate(const StateMap& state, Value* out) const;
  // evaluate() that must give true/false.
  bp::Status holds(const StateMap& state, bool* out) const;

  const std::string& text() const { return text_; }
  // The state keys the expression reads.
  const std::set<std::string>& names() const { return names_; }
  bool empty() const { return !root_; }

 private:
  std::string text_;
  std::shared_ptr<const ConditionNode> root_;
  std::set<std::string> names_;
};

}  // namespace lessons
