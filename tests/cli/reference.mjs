// An independent forward pass and loss in JavaScript, to check bplab's numbers without trusting
// the C++ engine: the gradient is taken by central differences
//   ∂E/∂p ≈ (E(p + h) − E(p − h)) / 2h,   truncation error O(h²)
// over the mean loss E of a set of rows.

const activations = {
  sigmoid: (v) => v.map((t) => 1 / (1 + Math.exp(-t))),
  tanh: (v) => v.map(Math.tanh),
  relu: (v) => v.map((t) => (t > 0 ? t : 0)),
  linear: (v) => v.slice(),
  softmax: (v) => {
    const m = Math.max(...v);
    const e = v.map((t) => Math.exp(t - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / s);
  },
};

const sum = (a) => a.reduce((x, y) => x + y, 0);

// Local error of one sample; formulas as documented in engine/loss.h.
const losses = {
  'half-sse': (y, t) => 0.5 * sum(y.map((v, k) => (t[k] - v) ** 2)),
  mse: (y, t) => sum(y.map((v, k) => (t[k] - v) ** 2)) / y.length,
  bce: (y, t) => -sum(y.map((v, k) => t[k] * Math.log(v) + (1 - t[k]) * Math.log(1 - v))) / y.length,
  ce: (y, t) => -sum(y.map((v, k) => t[k] * Math.log(v))),
};

export function forward(model, x) {
  let y = x;
  for (let l = 1; l < model.layers.length; ++l) {
    const W = model.weights[l - 1], b = model.biases[l - 1];
    const theta = W.map((row, j) => sum(row.map((w, i) => w * y[i])) + b[j]);
    y = activations[model.layers[l].activation](theta);
  }
  return y;
}

// Mean local error over rows (inputs then targets).
export function meanLoss(model, loss, rows) {
  const n = model.layers[0].size;
  return sum(rows.map((r) => losses[loss](forward(model, r.slice(0, n)), r.slice(n)))) / rows.length;
}

// Every parameter as a [container, index] pair, weights first then biases, in the shapes of the
// model file; the gradient has the same shapes.
function parameterSlots(model) {
  const slots = [];
  for (const W of model.weights) {
    for (const row of W) for (let i = 0; i < row.length; ++i) slots.push([row, i]);
  }
  for (const b of model.biases) for (let j = 0; j < b.length; ++j) slots.push([b, j]);
  return slots;
}

export function numericalGradient(model, loss, rows, h = 1e-6) {
  const m = structuredClone(model);
  const grad = { weights_grad: structuredClone(m.weights), biases_grad: structuredClone(m.biases) };
  const gradSlots = parameterSlots({ weights: grad.weights_grad, biases: grad.biases_grad });
  parameterSlots(m).forEach(([c, i], s) => {
    const p = c[i];
    c[i] = p + h;
    const up = meanLoss(m, loss, rows);
    c[i] = p - h;
    const down = meanLoss(m, loss, rows);
    c[i] = p;
    const [gc, gi] = gradSlots[s];
    gc[gi] = (up - down) / (2 * h);
  });
  return grad;
}

// All numbers of a nested array, flattened in order.
export function flat(a) {
  return Array.isArray(a) ? a.flatMap(flat) : [a];
}

// One gradient-descent step with momentum, as documented in engine/trainer.h:
//   g = ∂E/∂w + λ₂·w + λ₁·sign(w) (weights only),  v ← μ·v − η·g,  w ← w + v.
// Returns the new model and velocity (velocity null means zero).
export function sgdStep(model, loss, rows, { lr, momentum = 0, l1 = 0, l2 = 0 }, velocity = null) {
  const g = numericalGradient(model, loss, rows);
  const next = structuredClone(model);
  const zeros = (a) => (Array.isArray(a) ? a.map(zeros) : 0);
  const v = structuredClone(velocity ?? { weights: zeros(model.weights), biases: zeros(model.biases) });
  next.weights.forEach((W, l) => W.forEach((row, j) => row.forEach((w, i) => {
    const gw = g.weights_grad[l][j][i] + l2 * w + l1 * Math.sign(w);
    v.weights[l][j][i] = momentum * v.weights[l][j][i] - lr * gw;
    row[i] = w + v.weights[l][j][i];
  })));
  next.biases.forEach((b, l) => b.forEach((p, j) => {
    v.biases[l][j] = momentum * v.biases[l][j] - lr * g.biases_grad[l][j];
    b[j] = p + v.biases[l][j];
  }));
  return { model: next, velocity: v };
}
