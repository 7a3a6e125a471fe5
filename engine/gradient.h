// The global error of a batch and its gradient, and error aggregations over a data set.
#pragma once
#include <vector>

#include "batch_kernel.h"
#include "dataset.h"
#include "loss.h"
#include "metrics.h"
#include "network.h"
#include "pass.h"

namespace bp {

// Global error of the batch (the mean local error over the samples listed in indices[0..n)), and
// grad[num_params] = ∂(global error)/∂params (overwritten). trace is scratch space.
double batch_gradient(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                      int n, Trace* trace, double* grad);

// Global error of the samples indices[0..n) without the gradient (0 when n = 0).
double batch_loss(const Network& net, const Loss& loss, const Dataset& data, const int* indices,
                  int n);

// Mean local error over the whole data set (0 for an empty set).
double mean_loss(const Network& net, const Loss& loss, const Dataset& data);

// Aggregations of the residuals r = t − y over N samples and K outputs:
//   SSE = Σ_s Σ_k r²,  MSE = SSE / (N·K),  RMSE = √MSE;  mean_loss as above.
struct ErrorStats {
  double sse = 0;
  double mse = 0;
  double rmse = 0;
  double mean_loss = 0;
};
// With `confusion`, the same pass also counts each sample into *confusion (reset to
// class_count(K) classes): the confusion matrix of metrics.h without a second pass. The outputs
// come from a BatchKernel's forward pass over the whole set, bit for bit forward()'s; pass
// `kernel` to reuse its workspace from call to call (the lab evaluates its sets every frame).
ErrorStats error_stats(const Network& net, const Loss& loss, const Dataset& data,
                       Confusion* confusion = nullptr, BatchKernel* kernel = nullptr);

}  // namespace bp
