// The JavaScript baseline for `bplab bench`: the trainer a good JS developer would write by hand
// for the same network and maths, to compare the WebAssembly engine against.
//   network   2-8-8-1 (or --net), tanh hidden layers (Math.tanh), sigmoid output
//   loss      ½SSE, E = ½ Σ_k (t_k − y_k)², mean over the batch
//   update    g = ∂E_batch/∂p,  v ← μ·v − η·g,  p ← p + v   (η 0.03, μ 0.9, batch 10)
//   data      the engine's 500-point spiral (generators.cpp), Xavier weights and shuffled epochs
//             from the engine's xoshiro256** generator (rng.cpp), all under seed 1
// Parameters, gradient, velocity and per-layer activations live in flat Float64Arrays; nothing is
// allocated per sample or per batch. Samples are counted as in `bplab bench`: samples through the
// forward and backward pass, their batch's update made, per second of wall time.
//
// Usage: node baseline_trainer.mjs [--seconds 2] [--net 2-8-8-1] [--batch 10] [--samples 500]
//        node baseline_trainer.mjs --check   (parameters after 1000 iterations, as JSON)
// Prints one line of JSON, e.g. {"net":"2-8-8-1","batch":10,"seconds":2.0,"samples_per_sec":…}.

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf('--' + name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seconds = Number(flag('seconds', '2'));
const sizes = flag('net', '2-8-8-1').split('-').map(Number);
const nSamples = Number(flag('samples', '500'));
const batch = Math.min(Number(flag('batch', '10')), nSamples);
const ETA = 0.03, MU = 0.9, SEED = 1n;

// xoshiro256** seeded by splitmix64, as in rng.cpp. The state is kept as 32-bit halves so the hot
// calls (one per sample for the shuffle) avoid BigInt; BigInt only seeds.
class Rng {
  constructor(seed) {
    const M = (1n << 64n) - 1n;
    let x = seed;
    this.s = new Uint32Array(8);  // [hi0, lo0, hi1, lo1, hi2, lo2, hi3, lo3]
    for (let w = 0; w < 4; ++w) {
      x = (x + 0x9E3779B97F4A7C15n) & M;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & M;
      z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & M;
      z = z ^ (z >> 31n);
      this.s[2 * w] = Number(z >> 32n);
      this.s[2 * w + 1] = Number(z & 0xFFFFFFFFn);
    }
    this.hi = 0;  // the last draw, as two 32-bit halves
    this.lo = 0;
  }
  // result = rotl(s1 · 5, 7) · 9; then the xoshiro state transition.
  next() {
    const s = this.s;
    // s1 · 5 = (s1 << 2) + s1 (mod 2⁶⁴), in halves with the carry.
    let lo = ((s[3] << 2) >>> 0) + s[3];
    let hi = (((s[2] << 2) | (s[3] >>> 30)) + s[2] + (lo > 0xFFFFFFFF ? 1 : 0)) >>> 0;
    lo >>>= 0;
    // rotl(·, 7)
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0, rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    // · 9 = (r << 3) + r
    let l9 = ((rl << 3) >>> 0) + rl;
    this.hi = (((rh << 3) | (rl >>> 29)) + rh + (l9 > 0xFFFFFFFF ? 1 : 0)) >>> 0;
    this.lo = l9 >>> 0;
    // t = s1 << 17
    const th = ((s[2] << 17) | (s[3] >>> 15)) >>> 0, tl = (s[3] << 17) >>> 0;
    s[4] ^= s[0]; s[5] ^= s[1];  // s2 ^= s0
    s[6] ^= s[2]; s[7] ^= s[3];  // s3 ^= s1
    s[2] ^= s[4]; s[3] ^= s[5];  // s1 ^= s2
    s[0] ^= s[6]; s[1] ^= s[7];  // s0 ^= s3
    s[4] ^= th; s[5] ^= tl;      // s2 ^= t
    const h3 = s[6], l3 = s[7];  // s3 = rotl(s3, 45) = rotl(swap halves, 13)
    s[6] = ((l3 << 13) | (h3 >>> 19)) >>> 0;
    s[7] = ((h3 << 13) | (l3 >>> 19)) >>> 0;
  }
  // (x >> 11) · 2⁻⁵³
  uniform() {
    this.next();
    return (this.hi * 2097152 + (this.lo >>> 11)) * 2 ** -53;
  }
  // Uniform in [0, n) for n ≤ 2²⁶, rejecting x ≥ 2⁶⁴ − 1 − (2⁶⁴ − 1) mod n (no modulo bias).
  // With 2³² ≡ q (mod n): x mod n = ((hi mod n)·q + lo mod n) mod n, exact in doubles.
  below(n) {
    const q = 4294967296 % n;
    const rMax = (((4294967295 % n) * q) + (4294967295 % n)) % n;  // (2⁶⁴ − 1) mod n
    const limitLo = 4294967295 - rMax;  // the limit's high half is 0xFFFFFFFF
    do this.next(); while (this.hi === 4294967295 && this.lo >= limitLo);
    return ((this.hi % n) * q + (this.lo % n)) % n;
  }
}

// The spiral of generators.cpp: arm k, s = ⌊i/2⌋ / max(1, ⌊n/2⌋), angle 1.75·2π·s + kπ.
const X = new Float64Array(2 * nSamples);  // [sample][2]
const T = new Float64Array(nSamples);      // [sample]
for (let i = 0; i < nSamples; ++i) {
  const label = i % 2;
  const s = Math.floor(i / 2) / Math.max(1, Math.floor(nSamples / 2));
  const a = 1.75 * 2 * Math.PI * s + label * Math.PI;
  X[2 * i] = s * Math.sin(a);
  X[2 * i + 1] = s * Math.cos(a);
  T[i] = label;
}

// Parameters as in network.h: [W_1 (size(1)×size(0), row-major), b_1, W_2, b_2, …].
const L = sizes.length;
const wOff = new Int32Array(L), bOff = new Int32Array(L), aOff = new Int32Array(L);
let nParams = 0, nUnits = 0;
for (let l = 0; l < L; ++l) {
  aOff[l] = nUnits;
  nUnits += sizes[l];
  if (l === 0) continue;
  wOff[l] = nParams;
  bOff[l] = nParams + sizes[l] * sizes[l - 1];
  nParams = bOff[l] + sizes[l];
}
const P = new Float64Array(nParams);      // parameters
const G = new Float64Array(nParams);      // ∂E_batch/∂p
const V = new Float64Array(nParams);      // momentum velocity
const Y = new Float64Array(nUnits);       // y of one sample, [layer][unit] at aOff
const D = new Float64Array(nUnits);       // ∂E/∂θ of one sample, same layout
const initRng = new Rng(SEED);            // init.cpp and the trainer each draw from their own
const rng = new Rng(SEED);                // generator seeded 1
for (let l = 1; l < L; ++l) {             // Xavier: U(−a, a), a = √(6 / (fan_in + fan_out))
  const a = Math.sqrt(6 / (sizes[l - 1] + sizes[l]));
  for (let k = wOff[l]; k < bOff[l]; ++k) P[k] = -a + 2 * a * initRng.uniform();
}

const order = new Int32Array(nSamples);
function newEpoch() {                     // Fisher–Yates with the engine's generator
  for (let i = 0; i < nSamples; ++i) order[i] = i;
  for (let i = nSamples - 1; i > 0; --i) {
    const j = rng.below(i + 1);
    const tmp = order[i]; order[i] = order[j]; order[j] = tmp;
  }
}
newEpoch();
let position = 0, epoch = 0, iterations = 0;

const sigmoid = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

// One iteration: the batch's gradient sample by sample, then the momentum update.
function step() {
  const n = Math.min(batch, nSamples - position);
  const scale = 1 / n;
  G.fill(0);
  for (let b = 0; b < n; ++b) {
    const smp = order[position + b];
    Y[0] = X[2 * smp];
    Y[1] = X[2 * smp + 1];
    for (let l = 1; l < L; ++l) {         // θ_j = Σ_i w_ji y_i + b_j,  y_j = f(θ_j)
      const nIn = sizes[l - 1], nOut = sizes[l], yi = aOff[l - 1], yo = aOff[l];
      for (let j = 0; j < nOut; ++j) {
        let th = P[bOff[l] + j];
        const row = wOff[l] + j * nIn;
        for (let i = 0; i < nIn; ++i) th += P[row + i] * Y[yi + i];
        Y[yo + j] = l === L - 1 ? sigmoid(th) : Math.tanh(th);
      }
    }
    // ½SSE through the sigmoid: ∂E/∂θ = (y − t) · y (1 − y)
    const out = aOff[L - 1], y = Y[out];
    D[out] = y * (1 - y) * (y - T[smp]);
    for (let l = L - 1; l >= 1; --l) {
      const nIn = sizes[l - 1], nOut = sizes[l], yi = aOff[l - 1], dOut = aOff[l];
      for (let j = 0; j < nOut; ++j) {     // ∂E/∂w_ji += d_j y_i / n,  ∂E/∂b_j += d_j / n
        const d = scale * D[dOut + j];
        const row = wOff[l] + j * nIn;
        for (let i = 0; i < nIn; ++i) G[row + i] += d * Y[yi + i];
        G[bOff[l] + j] += d;
      }
      if (l === 1) break;
      for (let i = 0; i < nIn; ++i) {     // ∂E/∂θ_i = (1 − y_i²) Σ_j w_ji d_j  (tanh)
        let s = 0;
        for (let j = 0; j < nOut; ++j) s += P[wOff[l] + j * nIn + i] * D[dOut + j];
        const yv = Y[yi + i];
        D[yi + i] = (1 - yv * yv) * s;
      }
    }
  }
  for (let k = 0; k < nParams; ++k) {
    V[k] = MU * V[k] - ETA * G[k];
    P[k] += V[k];
  }
  ++iterations;
  position += n;
  if (position >= nSamples) {
    position = 0;
    ++epoch;
    newEpoch();
  }
}

if (args.includes('--check')) {
  for (let i = 0; i < 1000; ++i) step();
  console.log(JSON.stringify({ iterations, params: Array.from(P) }));
} else {
  // Iterations run in chunks that double until a chunk lasts ≥ 1 ms, as in `bplab bench`.
  const start = performance.now();
  let last = start, elapsed = 0, chunk = 1;
  while (elapsed < seconds) {
    for (let i = 0; i < chunk; ++i) step();
    const now = performance.now();
    if (now - last < 1) chunk *= 2;
    last = now;
    elapsed = (now - start) / 1000;
  }
  const processed = epoch * nSamples + position;
  console.log(JSON.stringify({ net: sizes.join('-'), batch, samples: nSamples, seconds: elapsed,
                               iterations, samples_per_sec: processed / elapsed }));
}
