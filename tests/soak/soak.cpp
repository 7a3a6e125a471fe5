// Soak test of a long lab session: 10⁶ training iterations through lab::Lab, with the changes a
// learner makes in between (every few thousand iterations: hidden layers, activations, learning rate
// including divergent ones followed by a rollback, batch size, data set, features, model export and
// import, CSV import, clicked points, reset). It checks that
//   - memory stays flat: after the warm-up (one full cycle of changes) neither the resident set nor
//     the allocator's in-use bytes may grow by more than a fixed margin;
//   - no state becomes non-finite without the lab reporting divergence, every divergent set-up is
//     reported, and a rollback leaves finite parameters that train on.
// Memory natively: VmRSS/VmHWM from /proc/self/status and glibc's mallinfo2; in WebAssembly: the
// heap size (grows only, so any leak shows) and dlmalloc's mallinfo.
// Usage: soak [iterations]   (default 10⁶). Exit code 0 when every check passed.
#include <malloc.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "lab.h"
#include "model_io.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#endif

namespace {

struct Memory {
  double resident_mib;  // natively VmRSS; in wasm the heap size
  double in_use_mib;    // bytes handed out by malloc and not freed
};

Memory measure() {
  constexpr double kMiB = 1024.0 * 1024.0;
#ifdef __EMSCRIPTEN__
  return {emscripten_get_heap_size() / kMiB, mallinfo().uordblks / kMiB};
#else
  double rss_kib = 0;
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) rss_kib = std::atof(line.c_str() + 6);
  return {rss_kib / 1024.0, mallinfo2().uordblks / kMiB};
#endif
}

const char* kMemoryLabel =
#ifdef __EMSCRIPTEN__
    "wasm heap";
#else
    "VmRSS";
#endif

int failures = 0;

void fail(const std::string& what) {
  std::fprintf(stderr, "soak: FAIL: %s\n", what.c_str());
  ++failures;
}

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

// Unless the lab says it diverged, everything it shows must be finite.
void check_finite(const lab::Lab& l, long long total) {
  if (l.diverged()) return;
  if (!l.network().is_finite() || !std::isfinite(l.loss_train()) || !std::isfinite(l.loss_test()) ||
      !all_finite(l.trainer().gradient()) || !all_finite(l.trainer().velocity()))
    fail("non-finite state without divergence at iteration " + std::to_string(total));
}

void apply(lab::Lab* l, const lab::Settings& s) {
  if (const bp::Status st = l->apply(s); !st) fail("settings rejected: " + st.message());
}

// A CSV of n points on a ring, class 1 inside radius 0.5: the shape of a learner's own file.
std::string ring_csv(int n, int variant) {
  std::string csv = "x1,x2,label\n";
  for (int k = 0; k < n; ++k) {
    const double a = 2.399963 * k + variant, r = 0.15 + 0.8 * ((k * 37 + variant) % n) / n;
    csv += std::to_string(r * std::cos(a)) + "," + std::to_string(r * std::sin(a)) + "," +
           (r < 0.5 ? "1" : "0") + "\n";
  }
  return csv;
}

class Soak {
 public:
  explicit Soak(long long iterations) : target_(iterations) {}

  int run() {
    lab::Settings s = lab_.settings();
    s.samples = 200;
    s.speed = 1000;  // train_frame() then makes 1000 iterations and records the curves once
    s.hyper.batch_size = 4;
    apply(&lab_, s);

    const auto start = std::chrono::steady_clock::now();
    const long long checkpoint_every = target_ / 10;
    const long long change_every = 2000;
    long long next_checkpoint = checkpoint_every, next_change = change_every;
    int change = 0;
    std::printf("soak: %lld iterations, a change every %lld, memory (%s / malloc in use) every %lld\n",
                target_, change_every, kMemoryLabel, checkpoint_every);
    while (total_ < target_) {
      train_frames(1);
      if (total_ >= next_change) {
        make_change(change++);
        next_change += change_every;
      }
      if (total_ >= next_checkpoint) {
        checkpoint();
        next_checkpoint += checkpoint_every;
      }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // Warm-up: the first checkpoint comes after five full cycles of the ten kinds of change below,
    // so every buffer has met its largest size; from there on nothing may grow beyond the margins.
    const Memory base = checkpoints_.front();
    double peak_resident = 0, peak_in_use = 0;
    for (const Memory& m : checkpoints_) {
      peak_resident = std::max(peak_resident, m.resident_mib);
      peak_in_use = std::max(peak_in_use, m.in_use_mib);
    }
    std::printf("soak: %lld iterations in %.1f s (%.0f it/s), %d changes, %d divergences rolled back\n",
                total_, seconds, total_ / seconds, change, divergences_);
    std::printf("soak: %s after warm-up %.2f MiB, peak %.2f MiB (growth %.2f MiB, margin %.1f)\n",
                kMemoryLabel, base.resident_mib, peak_resident, peak_resident - base.resident_mib,
                kResidentMarginMiB);
    std::printf("soak: malloc in use after warm-up %.3f MiB, peak %.3f MiB (growth %.3f MiB, margin %.1f)\n",
                base.in_use_mib, peak_in_use, peak_in_use - base.in_use_mib, kInUseMarginMiB);
    if (peak_resident - base.resident_mib > kResidentMarginMiB) fail("resident memory grew");
    if (peak_in_use - base.in_use_mib > kInUseMarginMiB) fail("heap in use grew");
    if (divergences_ == 0) fail("no divergent set-up diverged: rollback was not exercised");
    std::printf("soak: %s\n", failures ? "FAILED" : "OK");
    return failures ? 1 : 0;
  }

 private:
  static constexpr double kResidentMarginMiB = 4.0;
  static constexpr double kInUseMarginMiB = 1.0;

  void train_frames(int frames) {
    for (int k = 0; k < frames && total_ < target_; ++k) {
      const int done = lab_.train_frame(0);
      if (done == 0 && !lab_.diverged()) fail("the lab made no iteration");
      total_ += done;
      check_finite(lab_, total_);
      if (lab_.diverged()) return;
    }
  }

  void checkpoint() {
    const Memory m = measure();
    checkpoints_.push_back(m);
    std::printf("soak:   iteration %7lld  %s %7.2f MiB  malloc in use %7.3f MiB\n", total_,
                kMemoryLabel, m.resident_mib, m.in_use_mib);
    std::fflush(stdout);
  }

  // Divergence on purpose: linear units with a regression target and a huge η blow up within a
  // few iterations. The lab must report it, and a rollback must give finite weights that train on.
  void diverge_and_roll_back() {
    const lab::Settings before = lab_.settings();
    lab::Settings s = before;
    s.dataset = "plane";
    s.hidden_activation = bp::ActivationId::Linear;
    s.output_activation = bp::ActivationId::Linear;
    s.loss = bp::LossId::HalfSse;
    s.features = 0b11;
    apply(&lab_, s);
    train_frames(1);  // a few sane iterations first, so the rollback target has trained weights
    s.hyper.learning_rate = 50 + 50 * (divergences_ % 3);
    s.hyper.momentum = 0.9;
    apply(&lab_, s);
    train_frames(3);
    if (!lab_.diverged()) {
      fail("η = " + std::to_string(s.hyper.learning_rate) + " did not diverge");
    } else {
      ++divergences_;
      lab_.rollback();
      if (lab_.diverged() || !lab_.network().is_finite()) fail("rollback left a diverged network");
    }
    s.hyper = before.hyper;  // only η and μ change: the rolled-back weights must train on
    apply(&lab_, s);
    train_frames(1);
    if (lab_.diverged()) fail("training diverged again after rollback with a sane η");
  }

  void make_change(int k) {
    static const std::vector<std::vector<int>> kHidden = {{4, 2}, {8}, {3, 3, 3}, {}, {6, 4}, {5}};
    static const bp::ActivationId kActivations[] = {bp::ActivationId::Tanh, bp::ActivationId::Relu,
                                                    bp::ActivationId::Sigmoid};
    static const char* const kDatasets[] = {"circle", "xor", "gauss", "spiral", "plane", "sine"};
    static const std::uint32_t kFeatures[] = {0b11, 0b111, 0b11111, 0b1100011, 0b10};
    static const int kBatches[] = {1, 4, 10, 25};
    static const double kRates[] = {0.01, 0.03, 0.1, 0.3};
    lab::Settings s = lab_.settings();
    const int n = k / 10;  // how often this kind of change came round
    switch (k % 10) {
      case 0: s.hidden = kHidden[n % kHidden.size()]; break;
      case 1: s.hidden_activation = kActivations[n % 3]; break;
      case 2: s.hyper.learning_rate = kRates[n % 4]; s.hyper.momentum = n % 2 ? 0.9 : 0.0; break;
      case 3: diverge_and_roll_back(); return;
      case 4: s.hyper.batch_size = kBatches[n % 4]; break;
      case 5:
        s.dataset = kDatasets[n % 6];
        s.data_seed = 1 + n;
        s.noise = 0.05 * (n % 5);
        break;
      case 6: s.features = kFeatures[n % 5]; break;
      case 7: {  // export, import back: the weights must survive bit for bit
        const std::vector<double> params = lab_.network().params();
        if (const bp::Status st = lab_.import_model(bp::model_to_json(lab_.network())); !st)
          fail("exported model not importable: " + st.message());
        else if (lab_.network().params() != params)
          fail("export/import changed the weights");
        return;
      }
      case 8:
        if (const bp::Status st = lab_.import_csv(ring_csv(150 + 10 * (n % 5), n)); !st)
          fail("CSV import: " + st.message());
        return;
      case 9:
        if (n % 2) {
          lab_.add_point(0.1 * (n % 7), -0.1 * (n % 5), n % 2);
        } else {
          lab_.reset();
        }
        return;
    }
    s.output_activation = bp::ActivationId::Sigmoid;
    s.loss = bp::LossId::HalfSse;
    apply(&lab_, s);
  }

  lab::Lab lab_;
  long long target_;
  long long total_ = 0;
  int divergences_ = 0;
  std::vector<Memory> checkpoints_;
};

}  // namespace

int main(int argc, char** argv) {
  const long long iterations = argc > 1 ? std::atoll(argv[1]) : 1000000;
  if (iterations < 100000) {
    std::fprintf(stderr, "soak: need at least 100000 iterations (10 checkpoints after warm-up)\n");
    return 2;
  }
  return Soak(iterations).run();
}
