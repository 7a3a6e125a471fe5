// Classification metrics: the class a row of outputs (or of targets) stands for, the confusion
// matrix and the accuracy.
//   several outputs: class = argmax_k y_k (the first of equal maxima); one-hot targets give their
//                    class, a softmax output its most probable class
//   one output:      class = 1 if y ≥ 0.5, else 0 (a sigmoid output is the probability of class 1;
//                    targets are 0 or 1)
//   accuracy = (Σ_c C[c][c]) / (Σ_c Σ_p C[c][p]), C[c][p] = samples of class c predicted as p
#pragma once
#include <vector>

#include "dataset.h"
#include "network.h"

namespace bp {

// The class of a row of k values (outputs or targets), by the rule above.
int class_of(const double* row, int k);
// Classes a layer of k output units tells apart: 2 for one unit, else k.
inline int class_count(int k) { return k == 1 ? 2 : k; }

struct Confusion {
  int classes = 0;
  std::vector<int> counts;  // C[truth][predicted], row-major: counts[truth · classes + predicted]

  explicit Confusion(int classes = 0) : classes(classes), counts(std::size_t(classes) * classes, 0) {}
  // Counts one sample from its output row y and target row t (k values each).
  void add(const double* y, const double* t, int k);
  int at(int truth, int predicted) const { return counts[std::size_t(truth) * classes + predicted]; }
  int total() const;
  int correct() const;  // the diagonal
  // correct / total; 0 for no samples.
  double accuracy() const;
};

// The confusion matrix of the network over every sample of data (class_count(output size) classes).
Confusion confusion_matrix(const Network& net, const Dataset& data);

}  // namespace bp
