#include "condition.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <map>
#include <vector>

namespace lessons {

using bp::Status;

struct ConditionNode {
  enum Kind { kLiteral, kName, kUnary, kBinary, kCall } kind;
  std::size_t pos;   // 1-based position of the token that made the node
  std::string op;    // operator or function name
  std::string name;  // kName
  Value literal;     // kLiteral
  std::vector<std::shared_ptr<const ConditionNode>> args;
};

namespace {

using NodePtr = std::shared_ptr<const ConditionNode>;

struct Token {
  enum Kind { kNumber, kString, kName, kOp, kEnd } kind;
  std::string text;
  std::size_t pos;  // 1-based
  double number = 0;
};

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

std::string at(std::size_t pos) { return "position " + std::to_string(pos) + ": "; }

// An expression has at most this many tokens. It bounds the depth of the tree (parentheses, a
// long chain of '+' or '!'), which parsing, checking, evaluating and freeing walk recursively:
// a file must not be able to overflow the stack. The shipped lessons use fewer than 40.
constexpr std::size_t kMaxTokens = 200;

// A name or text from the expression, quoted in a message: at most 40 bytes (cut at a UTF-8
// character boundary), so a message never echoes an unbounded slice of a lesson file.
std::string clip(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return std::string(text);
  std::size_t n = kMax;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return std::string(text.substr(0, n)) + "…";
}

Status tokenize(std::string_view s, std::vector<Token>* out) {
  static const char* const kOps[] = {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "!",
                                     "+",  "-",  "*",  "/",  "(",  ")",  ","};
  std::size_t k = 0;
  while (k < s.size()) {
    const char c = s[k];
    const std::size_t pos = k + 1;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++k;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && k + 1 < s.size() &&
                                                               std::isdigit(static_cast<unsigned char>(s[k + 1])))) {
      const std::string rest(s.substr(k, 64));
      char* end = nullptr;
      const double v = std::strtod(rest.c_str(), &end);
      const std::size_t len = std::size_t(end - rest.c_str());
      if (k + len < s.size() && name_char(s[k + len]))
        return Status::error(at(pos) + "malformed number \"" + std::string(s.substr(k, len + 1)) + "\"");
      out->push_back({Token::kNumber, std::string(s.substr(k, len)), pos, v});
      k += len;
    } else if (name_start(c)) {
      std::size_t e = k;
      while (e < s.size() && name_char(s[e])) ++e;
      out->push_back({Token::kName, std::string(s.substr(k, e - k)), pos});
      k = e;
    } else if (c == '"' || c == '\'') {
      const std::size_t e = s.find(c, k + 1);
      if (e == std::string_view::npos) return Status::error(at(pos) + "text has no closing " + c);
      out->push_back({Token::kString, std::string(s.substr(k + 1, e - k - 1)), pos});
      k = e + 1;
    } else {
      const char* found = nullptr;
      for (const char* op : kOps)
        if (s.substr(k, std::char_traits<char>::length(op)) == op) {
          found = op;
          break;
        }
      if (!found) {
        const std::string what = c == '=' ? "'=' (compare with '==')"
                                 : c == '&' ? "'&' (use '&&')"
                                 : c == '|' ? "'|' (use '||')"
                                            : "'" + std::string(1, c) + "'";
        return Status::error(at(pos) + "unexpected " + what);
      }
      out->push_back({Token::kOp, found, pos});
      k += std::char_traits<char>::length(found);
    }
  }
  if (out->size() >= kMaxTokens)
    return Status::error(at(out->back().pos) + "the expression is too long (at most " +
                         std::to_string(kMaxTokens) + " tokens)");
  out->push_back({Token::kEnd, "", s.size() + 1});
  return Status::ok();
}

// Recursive descent, one function per precedence level (loosest first).
class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  Status parse(NodePtr* out) {
    if (t_.front().kind == Token::kEnd) return Status::error(at(1) + "the condition is empty");
    if (Status s = binary(0, out); !s) return s;
    if (t_[k_].kind != Token::kEnd)
      return Status::error(at(t_[k_].pos) + "unexpected \"" + clip(t_[k_].text) + "\" after a complete expression");
    return Status::ok();
  }

 private:
  static const std::vector<std::vector<std::string>>& levels() {
    static const std::vector<std::vector<std::string>> l = {
        {"||"}, {"&&"}, {"==", "!="}, {"<", "<=", ">", ">="}, {"+", "-"}, {"*", "/"}};
    return l;
  }

  bool is_op(const char* op) const { return t_[k_].kind == Token::kOp && t_[k_].text == op; }

  Status binary(std::size_t level, NodePtr* out) {
    if (level == levels().size()) return unary(out);
    NodePtr left;
    if (Status s = binary(level + 1, &left); !s) return s;
    for (;;) {
      const Token& tok = t_[k_];
      bool match = false;
      for (const std::string& op : levels()[level]) match |= tok.kind == Token::kOp && tok.text == op;
      if (!match) break;
      ++k_;
      NodePtr right;
      if (Status s = binary(level + 1, &right); !s) return s;
      auto node = std::make_shared<ConditionNode>();
      node->kind = ConditionNode::kBinary;
      node->pos = tok.pos;
      node->op = tok.text;
      node->args = {left, right};
      left = node;
    }
    *out = left;
    return Status::ok();
  }

  Status unary(NodePtr* out) {
    if (is_op("!") || is_op("-")) {
      const Token tok = t_[k_++];
      auto node = std::make_shared<ConditionNode>();
      node->kind = ConditionNode::kUnary;
      node->pos = tok.pos;
      node->op = tok.text;
      NodePtr arg;
      if (Status s = unary(&arg); !s) return s;
      node->args = {arg};
      *out = node;
      return Status::ok();
    }
    return primary(out);
  }

  Status primary(NodePtr* out) {
    const Token tok = t_[k_];
    auto node = std::make_shared<ConditionNode>();
    node->pos = tok.pos;
    if (tok.kind == Token::kNumber || tok.kind == Token::kString) {
      node->kind = ConditionNode::kLiteral;
      node->literal = tok.kind == Token::kNumber ? Value(tok.number) : Value(tok.text);
      ++k_;
    } else if (tok.kind == Token::kName && (tok.text == "true" || tok.text == "false")) {
      node->kind = ConditionNode::kLiteral;
      node->literal = tok.text == "true";
      ++k_;
    } else if (tok.kind == Token::kName && t_[k_ + 1].kind == Token::kOp && t_[k_ + 1].text == "(") {
      if (Status s = call(node.get()); !s) return s;
    } else if (tok.kind == Token::kName) {
      node->kind = ConditionNode::kName;
      node->name = tok.text;
      ++k_;
    } else if (is_op("(")) {
      ++k_;
      NodePtr inner;
      if (Status s = binary(0, &inner); !s) return s;
      if (!is_op(")")) return Status::error(at(t_[k_].pos) + "expected ')' to close the '(' at position " + std::to_string(tok.pos));
      ++k_;
      *out = inner;
      return Status::ok();
    } else {
      const std::string after = k_ > 0 ? " after '" + clip(t_[k_ - 1].text) + "'" : "";
      return Status::error(at(tok.pos) + "expected a number, name, text or '('" + after +
                           (tok.kind == Token::kEnd ? ", found the end" : ", found \"" + clip(tok.text) + "\""));
    }
    *out = node;
    return Status::ok();
  }

  Status call(ConditionNode* node) {
    const Token name = t_[k_];
    static const std::map<std::string, std::size_t> arity = {{"abs", 1}, {"sqrt", 1}, {"min", 2}, {"max", 2}};
    const auto f = arity.find(name.text);
    if (f == arity.end())
      return Status::error(at(name.pos) + "unknown function \"" + clip(name.text) + "\" (abs, sqrt, min, max)");
    k_ += 2;
    node->kind = ConditionNode::kCall;
    node->op = name.text;
    while (!is_op(")")) {
      if (!node->args.empty()) {
        if (!is_op(",")) return Status::error(at(t_[k_].pos) + "expected ',' or ')' in " + name.text + "(…)");
        ++k_;
      }
      NodePtr arg;
      if (Status s = binary(0, &arg); !s) return s;
      node->args.push_back(arg);
    }
    ++k_;
    if (node->args.size() != f->second)
      return Status::error(at(name.pos) + name.text + "() takes " + std::to_string(f->second) +
                           " argument" + (f->second == 1 ? "" : "s") + ", got " + std::to_string(node->args.size()));
    return Status::ok();
  }

  std::vector<Token> t_;
  std::size_t k_ = 0;
};

void collect_names(const ConditionNode& n, std::set<std::string>* out) {
  if (n.kind == ConditionNode::kName) out->insert(n.name);
  for (const NodePtr& a : n.args) collect_names(*a, out);
}

using Lookup = std::function<const Value*(const std::string&)>;

// Evaluates n. With `all` set both sides of && and || are evaluated (type checking).
Status eval(const ConditionNode& n, const Lookup& lookup, bool all, Value* out) {
  auto need = [&](const Value& v, std::size_t index, const char* what) {
    if (v.index() == index) return Status::ok();
    return Status::error(at(n.pos) + "'" + n.op + "' needs " + what + ", got " + type_name(v));
  };
  switch (n.kind) {
    case ConditionNode::kLiteral:
      *out = n.literal;
      return Status::ok();
    case ConditionNode::kName: {
      const Value* v = lookup(n.name);
      if (!v) return Status::error(at(n.pos) + "unknown state key \"" + clip(n.name) + "\"");
      *out = *v;
      return Status::ok();
    }
    case ConditionNode::kUnary: {
      Value a;
      if (Status s = eval(*n.args[0], lookup, all, &a); !s) return s;
      if (n.op == "!") {
        if (Status s = need(a, 1, "true/false"); !s) return s;
        *out = !std::get<bool>(a);
      } else {
        if (Status s = need(a, 0, "a number"); !s) return s;
        *out = -std::get<double>(a);
      }
      return Status::ok();
    }
    case ConditionNode::kCall: {
      double x[2] = {0, 0};
      for (std::size_t k = 0; k < n.args.size(); ++k) {
        Value a;
        if (Status s = eval(*n.args[k], lookup, all, &a); !s) return s;
        if (Status s = need(a, 0, "numbers"); !s) return s;
        x[k] = std::get<double>(a);
      }
      *out = n.op == "abs" ? std::fabs(x[0])
             : n.op == "sqrt" ? std::sqrt(x[0])
             : n.op == "min" ? std::min(x[0], x[1])
                             : std::max(x[0], x[1]);
      return Status::ok();
    }
    case ConditionNode::kBinary:
      break;
  }
  Value a, b;
  if (Status s = eval(*n.args[0], lookup, all, &a); !s) return s;
  if (n.op == "&&" || n.op == "||") {
    if (Status s = need(a, 1, "true/false"); !s) return s;
    const bool left = std::get<bool>(a);
    if (!all && left == (n.op == "||")) {
      *out = left;
      return Status::ok();
    }
    if (Status s = eval(*n.args[1], lookup, all, &b); !s) return s;
    if (Status s = need(b, 1, "true/false"); !s) return s;
    *out = n.op == "&&" ? left && std::get<bool>(b) : left || std::get<bool>(b);
    return Status::ok();
  }
  if (Status s = eval(*n.args[1], lookup, all, &b); !s) return s;
  if (n.op == "==" || n.op == "!=") {
    if (a.index() != b.index())
      return Status::error(at(n.pos) + "'" + n.op + "' compares " + type_name(a) + " with " + type_name(b));
    *out = (a == b) == (n.op == "==");
    return Status::ok();
  }
  if (Status s = need(a, 0, "numbers"); !s) return s;
  if (Status s = need(b, 0, "numbers"); !s) return s;
  const double x = std::get<double>(a), y = std::get<double>(b);
  if (n.op == "<") *out = x < y;
  else if (n.op == "<=") *out = x <= y;
  else if (n.op == ">") *out = x > y;
  else if (n.op == ">=") *out = x >= y;
  else if (n.op == "+") *out = x + y;
  else if (n.op == "-") *out = x - y;
  else if (n.op == "*") *out = x * y;
  else *out = x / y;
  return Status::ok();
}

}  // namespace

Status Condition::parse(std::string_view text, Condition* out) {
  std::vector<Token> tokens;
  if (Status s = tokenize(text, &tokens); !s) return s;
  NodePtr root;
  if (Status s = Parser(std::move(tokens)).parse(&root); !s) return s;
  Condition c;
  c.text_ = std::string(text);
  c.root_ = root;
  collect_names(*root, &c.names_);
  *out = std::move(c);
  return Status::ok();
}

Status Condition::check(const StateMap& schema, bool want_bool) const {
  if (!root_) return Status::ok();
  Value v;
  const Lookup lookup = [&](const std::string& name) -> const Value* {
    const auto it = schema.find(schema_key(name));
    return it == schema.end() ? nullptr : &it->second;
  };
  if (Status s = eval(*root_, lookup, true, &v); !s) return s;
  if (want_bool && !std::holds_alternative<bool>(v))
    return Status::error(std::string("the condition gives ") + type_name(v) + ", not true/false");
  return Status::ok();
}

Status Condition::evaluate(const StateMap& state, Value* out) const {
  if (!root_) return Status::error("empty condition");
  const Lookup lookup = [&](const std::string& name) -> const Value* {
    const auto it = state.find(name);
    return it == state.end() ? nullptr : &it->second;
  };
  return eval(*root_, lookup, false, out);
}

Status Condition::holds(const StateMap& state, bool* out) const {
  Value v;
  if (Status s = evaluate(state, &v); !s) return s;
  if (!std::holds_alternative<bool>(v))
    return Status::error(std::string("the condition gives ") + type_name(v) + ", not true/false");
  *out = std::get<bool>(v);
  return Status::ok();
}

}  // namespace lessons
