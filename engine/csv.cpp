#include "csv.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "input_limits.h"
#include "number_text.h"

namespace bp {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

// parse_csv, or with max_classes > 0 parse_class_csv's rows: the one target column is a class
// index, checked here so that its errors name the line and column.
Status parse_rows(std::string_view text, int n_inputs, int n_targets, int max_classes, Dataset* out) {
  if (text.size() > kMaxFileBytes)
    return Status::error("data is larger than " + std::to_string(kMaxFileBytes) + " bytes");
  const std::size_t columns = std::size_t(n_inputs) + n_targets;
  Dataset data;
  data.n_inputs = n_inputs;
  data.n_targets = n_targets;
  std::vector<double> row(columns);
  bool header_seen = false;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line =
        trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split_fields(line);
    const std::string where = "line " + std::to_string(line_no);
    if (fields.size() != columns) {
      return Status::error(where + ": " + std::to_string(fields.size()) + " columns, expected " +
                           std::to_string(columns) + " (" + std::to_string(n_inputs) +
                           " inputs + " + std::to_string(n_targets) + " targets)");
    }
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    for (std::size_t c = 0; c < columns; ++c) {
      if (!parse_number(fields[c], &row[c]))
        return Status::error(where + ", column " + std::to_string(c + 1) +
                             ": not a finite number: \"" + std::string(fields[c].substr(0, 32)) +
                             "\"");
    }
    if (max_classes > 0) {
      const double k = row[n_inputs];
      const std::string at = where + ", column " + std::to_string(n_inputs + 1) + ": class ";
      if (k != std::floor(k)) return Status::error(at + std::string(fields[n_inputs]) + " is not a whole number");
      if (k < 0) return Status::error(at + std::string(fields[n_inputs]) + " is negative");
      if (k >= max_classes)
        return Status::error(at + std::string(fields[n_inputs]) + ": at most " + std::to_string(max_classes) +
                             " classes, numbered 0 … " + std::to_string(max_classes - 1));
    }
    if (data.size() >= kMaxSamples)
      return Status::error(where + ": more than " + std::to_string(kMaxSamples) + " samples");
    data.add(row.data(), row.data() + n_inputs);
  }
  if (!header_seen) return Status::error("empty file: expected a header row and samples");
  if (data.size() == 0) return Status::error("no samples after the header row");
  *out = std::move(data);
  return Status::ok();
}

}  // namespace

Status parse_csv(std::string_view text, int n_inputs, int n_targets, Dataset* out) {
  return parse_rows(text, n_inputs, n_targets, 0, out);
}

bool has_class_column(std::string_view text, int n_inputs) {
  std::size_t pos = 0;
  while (pos < text.size()) {  // the header: the first line that is not blank
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = trim(text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split_fields(line);
    return fields.size() == std::size_t(n_inputs) + 1 && fields[n_inputs] == "class";
  }
  return false;
}

Status parse_class_csv(std::string_view text, int n_inputs, int max_classes, Dataset* out) {
  Dataset rows;
  if (Status s = parse_rows(text, n_inputs, 1, max_classes, &rows); !s) return s;
  int classes = 2;
  for (double k : rows.t) classes = std::max(classes, int(k) + 1);
  if (classes == 2) {  // the two-class convention: one target, the class 0 or 1
    *out = std::move(rows);
    return Status::ok();
  }
  Dataset data;
  data.n_inputs = n_inputs;
  data.n_targets = classes;
  std::vector<double> one_hot(classes);
  for (int s = 0; s < rows.size(); ++s) {
    std::fill(one_hot.begin(), one_hot.end(), 0.0);
    one_hot[int(rows.target(s)[0])] = 1.0;  // t_k = [k = class]
    data.add(rows.input(s), one_hot.data());
  }
  *out = std::move(data);
  return Status::ok();
}

std::string to_csv(const Dataset& data) {
  std::ostringstream os;
  os.precision(17);
  for (int i = 0; i < data.n_inputs; ++i) os << (i ? "," : "") << "x" << i + 1;
  for (int k = 0; k < data.n_targets; ++k) os << ",t" << k + 1;
  os << "\n";
  for (int s = 0; s < data.size(); ++s) {
    for (int i = 0; i < data.n_inputs; ++i) os << (i ? "," : "") << data.input(s)[i];
    for (int k = 0; k < data.n_targets; ++k) os << "," << data.target(s)[k];
    os << "\n";
  }
  return os.str();
}

}  // namespace bp
