#include "metrics.h"

#include "pass.h"

namespace bp {

int class_of(const double* row, int k) {
  if (k == 1) return row[0] >= 0.5 ? 1 : 0;
  int best = 0;
  for (int c = 1; c < k; ++c)
    if (row[c] > row[best]) best = c;
  return best;
}

void Confusion::add(const double* y, const double* t, int k) {
  ++counts[std::size_t(class_of(t, k)) * classes + class_of(y, k)];
}

int Confusion::total() const {
  int n = 0;
  for (int c : counts) n += c;
  return n;
}

int Confusion::correct() const {
  int n = 0;
  for (int c = 0; c < classes; ++c) n += at(c, c);
  return n;
}

double Confusion::accuracy() const {
  const int n = total();
  return n > 0 ? double(correct()) / n : 0.0;
}

Confusion confusion_matrix(const Network& net, const Dataset& data) {
  const int k = net.output_size();
  Confusion m(class_count(k));
  Trace trace;
  trace.resize(net);
  for (int s = 0; s < data.size(); ++s) {
    forward(net, data.input(s), &trace);
    m.add(trace.y.back().data(), data.target(s), k);
  }
  return m;
}

}  // namespace bp
