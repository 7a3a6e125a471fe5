#include "update_rule.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "input_limits.h"

namespace bp {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

Status validate(const Hyperparams& h) {
  if (!(h.learning_rate > 0 && h.learning_rate <= kMaxLearningRate))
    return Status::error("learning rate must be in (0, " + num(kMaxLearningRate) + "], got " +
                         num(h.learning_rate));
  if (!(h.momentum >= 0 && h.momentum < 1))
    return Status::error("momentum must be in [0, 1), got " + num(h.momentum));
  if (h.batch_size < 1 || h.batch_size > kMaxBatch)
    return Status::error("batch size must be 1 … " + std::to_string(kMaxBatch) + ", got " +
                         std::to_string(h.batch_size));
  if (!(h.l1 >= 0 && std::isfinite(h.l1)))
    return Status::error("L1 rate must be finite and ≥ 0, got " + num(h.l1));
  if (!(h.l2 >= 0 && std::isfinite(h.l2)))
    return Status::error("L2 rate must be finite and ≥ 0, got " + num(h.l2));
  return Status::ok();
}

}  // namespace bp
