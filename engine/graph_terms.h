// The computational graph of one parameter's path to the loss E on one sample: the gates the chain
// rule walks through, each with its forward value, the gradient ∂E/∂(its output) arriving from
// above, and the local factor it multiplies that gradient by on the way down. Every number is read
// from a Trace filled by forward() and backward() (pass.h) or is one product of two of its numbers,
// so a view of the graph shows the engine's own values.
//
// Unit j of layer l is three gates:
//   ×  w_ji·y_i        local rule: multiply by the other input (y_i towards w_ji, w_ji towards y_i)
//   +  θ_j = Σ_i w_ji·y_i + b_j   local rule: pass the gradient on (factor 1); b_j enters here
//   f  y_j = f(θ_j)    local rule: multiply by f′(θ_j)
// Above an output unit sits the loss E (∂E/∂y_j from the loss); above a hidden unit the paths
// through every unit k of the next layer, summed: ∂E/∂y_j = Σ_k w_kj·δ_k (a FanOut), where
// δ_k = ∂E/∂θ_k.
#pragma once
#include <cstddef>
#include <vector>

#include "loss.h"
#include "network.h"
#include "pass.h"

namespace bp {

enum class GateKind { Multiply, Add, Activation, Loss };

struct Gate {
  GateKind kind;
  int layer = 0, unit = 0;  // the unit (l, j) the gate computes for (the output unit for Loss)
  int input = -1;           // Multiply: i of w_ji·y_i; −1 otherwise
  double value = 0;         // forward: w_ji·y_i, θ_j, y_j or E
  double grad = 0;          // ∂E/∂value: δ_j for × and +, ∂E/∂y_j for f, 1 for E
  // The local rule's factor towards the path's input: y_i or w_ji for ×, 1 for +, f′(θ_j) for f,
  // ∂E/∂y_j for E. has_local is false at an output f whose δ the loss states directly (bce through
  // sigmoid, ce through softmax: δ = y − t) and at a softmax f (its Jacobian is not one factor).
  double local = 0;
  bool has_local = true;
  double grad_out = 0;  // the gradient passed to the path's input: grad·local, as the engine has it
};

// One term of ∂E/∂y_j = Σ_k w_kj·δ_k: the path through unit k of layer l + 1.
struct FanOutTerm {
  int unit = 0;             // k
  double weight = 0;        // w_kj
  double product = 0;       // w_kj·y_j, the forward input this path adds into θ_k
  double contribution = 0;  // w_kj·δ_k, its share of ∂E/∂y_j
};

// The paths from y_j of hidden layer l to E, collapsed into one sum.
struct FanOut {
  int layer = 0, unit = 0;  // (l, j)
  double y = 0;             // y_j
  double dE_dy = 0;         // Σ_k contribution, summed in the engine's order: the trace's ∂E/∂y_j
  std::vector<FanOutTerm> terms;
};

// The gates of unit j of layer l ≥ 1 on a path that enters it through input i of layer l − 1:
// ×, +, f. from_weight: the path comes from the weight w_ji itself (× passes ∂E/∂w_ji = δ_j·y_i)
// rather than from y_i (× passes w_ji·δ_j). i = −1: the path comes from the bias b_j, which enters
// + directly (+, f).
// The trace is one that backward() filled with `loss`.
std::vector<Gate> unit_gates(const Network& net, const Loss& loss, const Trace& tr, int l, int j,
                             int i, bool from_weight);

// The loss gate above output unit j.
Gate loss_gate(const Network& net, const Trace& tr, int j);

// The sum of the paths from hidden unit j of layer l (1 ≤ l < L − 1) to E.
FanOut fan_out(const Network& net, const Trace& tr, int l, int j);

// The path of params()[k] (a weight w_ji or a bias b_j of layer l) up to the first place it
// branches: the gates of its unit, then `loss` when l is the output layer, else `above` (the sum
// over the next layer's units, which a view expands with unit_gates(…, from_weight = false) and
// further fan_out()s).
struct ParamPath {
  std::vector<Gate> gates;
  bool reaches_loss = false;
  Gate loss{GateKind::Loss};
  FanOut above;
};
ParamPath param_path(const Network& net, const Loss& loss, const Trace& tr, std::size_t k);

}  // namespace bp
