// Fuzzes the link readers: lab::decode_hash (settings only) and lab::decode_link (settings and the
// lesson, step, embed, panels and lessons keys).
// Invariants beyond "no crash", for both:
//   - on error the message is a bounded line and the outputs are untouched;
//   - on success the settings pass lab::validate, their encoding fits kMaxHashLength, and
//     decode(encode(s)) == s with encode(decode(encode(s))) == encode(s) (a shared link reproduces
//     the set-up exactly, and re-sharing it gives the same text).
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "settings.h"
#include "url_hash.h"

namespace {

// Settings no link yields by omission (every field off its default), to detect partial writes.
const lab::Settings& sentinel() {
  static const lab::Settings s = [] {
    lab::Settings v;
    v.dataset = "spiral";
    v.samples = 123;
    v.noise = 0.375;
    v.train_ratio = 0.625;
    v.data_seed = 77;
    v.features = 0b1100;
    v.hidden = {3, 5, 7};
    v.hidden_activation = bp::ActivationId::Relu;
    v.output_activation = bp::ActivationId::Linear;
    v.loss = bp::LossId::Mse;
    v.init = bp::InitId::He;
    v.seed = 99;
    v.hyper = {0.5, 0.25, 3, 0.125, 0.0625};
    v.speed = 17;
    v.hidden_controls = lab::kControlReg;
    v.landscape.mode = lab::LandscapeMode::Line;
    v.landscape.grid = 17;
    return v;
  }();
  return s;
}

// A target no link yields by omission.
const lab::LinkTarget& target_sentinel() {
  static const lab::LinkTarget t{"sentinel-lesson", 7, true, {"loss_curve"}, {"a.json"}};
  return t;
}

void check_link(std::string_view hash) {
  lab::Settings s = sentinel();
  lab::LinkTarget target = target_sentinel();
  const bp::Status st = lab::decode_link(hash, &s, &target);
  if (!st) {
    FUZZ_CHECK(!st.message().empty() && st.message().size() <= fuzz::kMaxMessageBytes,
               "link message of %zu bytes", st.message().size());
    FUZZ_CHECK(s == sentinel() && target == target_sentinel(), "outputs changed on error: %s",
               st.message().c_str());
    return;
  }
  const std::string encoded = lab::encode_link(s, target);
  lab::Settings again = sentinel();
  lab::LinkTarget target_again = target_sentinel();
  const bp::Status back = lab::decode_link(encoded, &again, &target_again);
  FUZZ_CHECK(back.is_ok(), "encoded link does not decode: %s\n  link: %s", back.message().c_str(),
             encoded.c_str());
  FUZZ_CHECK(again == s && target_again == target, "decode_link(encode_link(x)) != x\n  link: %s",
             encoded.c_str());
  FUZZ_CHECK(lab::encode_link(again, target_again) == encoded,
             "re-encoding changed the link\n  link: %s", encoded.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view hash(reinterpret_cast<const char*>(data), size);
  check_link(hash);
  lab::Settings s = sentinel();
  const bp::Status st = lab::decode_hash(hash, &s);
  if (!st) {
    FUZZ_CHECK(!st.message().empty() && st.message().size() <= fuzz::kMaxMessageBytes,
               "message of %zu bytes", st.message().size());
    FUZZ_CHECK(s == sentinel(), "output changed on error: %s", st.message().c_str());
    return 0;
  }
  const bp::Status valid = lab::validate(s);
  FUZZ_CHECK(valid.is_ok(), "decoded settings do not validate: %s", valid.message().c_str());
  const std::string encoded = lab::encode_hash(s);
  FUZZ_CHECK(encoded.size() <= lab::kMaxHashLength, "encoding of %zu characters", encoded.size());
  lab::Settings again = sentinel();
  const bp::Status back = lab::decode_hash(encoded, &again);
  FUZZ_CHECK(back.is_ok(), "encoded link does not decode: %s\n  link: %s", back.message().c_str(),
             encoded.c_str());
  FUZZ_CHECK(again == s, "decode(encode(s)) != s\n  link: %s",
             encoded.c_str());
  FUZZ_CHECK(lab::encode_hash(again) == encoded, "re-encoding changed the link\n  link: %s",
             encoded.c_str());
  return 0;
}
