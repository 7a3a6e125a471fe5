#include "graph_terms.h"

#include <cassert>
#include <limits>

#include "activation.h"

namespace bp {

std::vector<Gate> unit_gates(const Network& net, const Loss& loss, const Trace& tr, int l, int j,
                             int i, bool from_weight) {
  assert(l >= 1 && l < net.num_layers() && j >= 0 && j < net.size(l) && i < net.size(l - 1));
  const double delta = tr.dE_dtheta[l][j];
  std::vector<Gate> gates;
  if (i >= 0) {
    Gate mul{GateKind::Multiply, l, j, i};
    const double w = net.weight(l, j, i), y_i = tr.y[l - 1][i];
    mul.value = w * y_i;
    mul.grad = delta;  // + passes δ_j to each of its inputs
    mul.local = from_weight ? y_i : w;
    mul.grad_out = delta * mul.local;  // ∂E/∂w_ji = δ_j·y_i, or w_ji·δ_j towards y_i
    gates.push_back(mul);
  }
  Gate add{GateKind::Add, l, j};
  add.value = tr.theta[l][j];
  add.grad = delta;
  add.local = 1;
  add.grad_out = delta;
  gates.push_back(add);

  Gate f{GateKind::Activation, l, j};
  const Activation& act = activation(net.activation(l));
  const bool output = l == net.num_layers() - 1;
  f.value = tr.y[l][j];
  f.grad = tr.dE_dy[l][j];
  f.has_local = act.df != nullptr && !(output && loss.df_theta);
  f.local = f.has_local ? act.df(tr.theta[l][j], tr.y[l][j]) : std::numeric_limits<double>::quiet_NaN();
  f.grad_out = delta;  // the trace's δ_j: f′(θ_j)·∂E/∂y_j, or the loss's fused δ
  gates.push_back(f);
  return gates;
}

Gate loss_gate(const Network& net, const Trace& tr, int j) {
  Gate e{GateKind::Loss, net.num_layers() - 1, j};
  e.value = tr.loss;
  e.grad = 1;  // ∂E/∂E
  e.local = tr.dE_dy.back()[j];
  e.grad_out = e.local;
  return e;
}

FanOut fan_out(const Network& net, const Trace& tr, int l, int j) {
  assert(l >= 1 && l + 1 < net.num_layers() && j >= 0 && j < net.size(l));
  FanOut f;
  f.layer = l;
  f.unit = j;
  f.y = tr.y[l][j];
  // Summed from 0 over k in order, as backward() sums ∂E/∂y_j, so dE_dy is the trace's to the bit.
  for (int k = 0; k < net.size(l + 1); ++k) {
    FanOutTerm t;
    t.unit = k;
    t.weight = net.weight(l + 1, k, j);
    t.product = t.weight * f.y;
    t.contribution = t.weight * tr.dE_dtheta[l + 1][k];
    f.dE_dy += t.contribution;
    f.terms.push_back(t);
  }
  return f;
}

ParamPath param_path(const Network& net, const Loss& loss, const Trace& tr, std::size_t k) {
  const Network::ParamRef p = net.param_ref(k);
  ParamPath path;
  path.gates = unit_gates(net, loss, tr, p.layer, p.unit, p.input, true);
  path.reaches_loss = p.layer == net.num_layers() - 1;
  if (path.reaches_loss)
    path.loss = loss_gate(net, tr, p.unit);
  else
    path.above = fan_out(net, tr, p.layer, p.unit);
  return path;
}

}  // namespace bp
