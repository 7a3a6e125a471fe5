#include "url_hash.h"

#include <cmath>
#include <algorithm>
#include <optional>
#include <vector>

#include "generators.h"

namespace lab {
namespace {

using bp::Status;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  if (s.empty()) return parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool percent_decode(std::string_view in, std::string* out) {
  out->clear();
  for (std::size_t k = 0; k < in.size(); ++k) {
    if (in[k] != '%') {
      out->push_back(in[k]);
      continue;
    }
    if (k + 2 >= in.size()) return false;
    const int hi = hex_digit(in[k + 1]), lo = hex_digit(in[k + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    k += 2;
  }
  return true;
}

bool parse_int(std::string_view text, long long lo, long long hi, long long* out) {
  double v;
  if (!bp::parse_number(text, &v) || v != std::floor(v) || v < double(lo) || v > double(hi)) return false;
  *out = static_cast<long long>(v);
  return true;
}

// A whole number in [lo, hi] into *field (unchanged when it is not one).
template <class T>
bool read_whole(std::string_view text, long long lo, long long hi, T* field) {
  long long n;
  if (!parse_int(text, lo, hi, &n)) return false;
  *field = static_cast<T>(n);
  return true;
}

std::string join_features(std::uint32_t mask) {
  std::string s;
  for (std::size_t k = 0; k < bp::features().size(); ++k)
    if ((mask >> k) & 1u) s += (s.empty() ? "" : ",") + std::string(bp::features()[k].name);
  return s;
}

std::string join_hidden(const std::vector<int>& hidden) {
  std::string s;
  for (int h : hidden) s += (s.empty() ? "" : ",") + std::to_string(h);
  return s;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ",") + n;
  return s;
}

std::string join_controls(std::uint32_t mask) {
  std::string s;
  for (const ControlInfo& c : control_names())
    if (mask & c.control) s += (s.empty() ? "" : ",") + std::string(c.name);
  return s;
}

// One key of the link: how the settings write it (nothing: the key is left out, its default
// applies) and how a value is read back into the settings (false: not a valid value). The one
// list of the keys.
struct HashKey {
  const char* key;
  std::optional<std::string> (*write)(const Settings&);
  bool (*read)(std::string_view, Settings*);
};

const std::vector<HashKey>& hash_keys() {
  static const std::vector<HashKey> keys = {
      {"ds", [](const Settings& s) -> std::optional<std::string> { return s.dataset; },
       [](std::string_view v, Settings* s) {
         if (v != "custom" && !bp::find_dataset_kind(v)) return false;
         s->dataset = std::string(v);
         return true;
       }},
      {"n", [](const Settings& s) -> std::optional<std::string> { return std::to_string(s.samples); },
       [](std::string_view v, Settings* s) { return read_whole(v, 2, kMaxLabSamples, &s->samples); }},
      {"noise", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.noise); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->noise); }},
      {"ratio", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.train_ratio); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->train_ratio); }},
      {"dseed", [](const Settings& s) -> std::optional<std::string> { return std::to_string(s.data_seed); },
       [](std::string_view v, Settings* s) { return read_whole(v, 0, 1ll << 52, &s->data_seed); }},
      {"f", [](const Settings& s) -> std::optional<std::string> { return join_features(s.features); },
       [](std::string_view v, Settings* s) {
         std::uint32_t mask = 0;
         for (std::string_view name : split(v, ',')) {
           const int k = bp::find_feature(name);
           if (k < 0) return false;
           mask |= 1u << k;
         }
         s->features = mask;
         return true;
       }},
      {"h", [](const Settings& s) -> std::optional<std::string> { return join_hidden(s.hidden); },
       [](std::string_view v, Settings* s) {
         std::vector<int> hidden;
         for (std::string_view part : split(v, ',')) {
           long long n;
           if (!parse_int(part, 1, kMaxNeurons, &n) || hidden.size() >= kMaxHiddenLayers) return false;
           hidden.push_back(int(n));
         }
         s->hidden = hidden;
         return true;
       }},
      {"act", [](const Settings& s) -> std::optional<std::string> { return std::string(bp::activation(s.hidden_activation).name); },
       [](std::string_view v, Settings* s) {
         const bp::Activation* a = bp::find_activation(v);
         if (!a) return false;
         s->hidden_activation = a->id;
         return true;
       }},
      {"out", [](const Settings& s) -> std::optional<std::string> { return std::string(bp::activation(s.output_activation).name); },
       [](std::string_view v, Settings* s) {
         const bp::Activation* a = bp::find_activation(v);
         if (!a) return false;
         s->output_activation = a->id;
         return true;
       }},
      {"loss", [](const Settings& s) -> std::optional<std::string> { return std::string(bp::loss(s.loss).name); },
       [](std::string_view v, Settings* s) {
         const bp::Loss* l = bp::find_loss(v);
         if (!l) return false;
         s->loss = l->id;
         return true;
       }},
      {"init", [](const Settings& s) -> std::optional<std::string> { return std::string(bp::init_name(s.init)); },
       [](std::string_view v, Settings* s) { return bp::find_init(v, &s->init); }},
      {"seed", [](const Settings& s) -> std::optional<std::string> { return std::to_string(s.seed); },
       [](std::string_view v, Settings* s) { return read_whole(v, 0, 1ll << 52, &s->seed); }},
      {"lr", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.hyper.learning_rate); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->hyper.learning_rate); }},
      {"mom", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.hyper.momentum); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->hyper.momentum); }},
      {"bs", [](const Settings& s) -> std::optional<std::string> { return std::to_string(s.hyper.batch_size); },
       [](std::string_view v, Settings* s) { return read_whole(v, 1, kMaxLabSamples, &s->hyper.batch_size); }},
      {"l1", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.hyper.l1); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->hyper.l1); }},
      {"l2", [](const Settings& s) -> std::optional<std::string> { return bp::format_number(s.hyper.l2); },
       [](std::string_view v, Settings* s) { return bp::parse_number(v, &s->hyper.l2); }},
      {"speed", [](const Settings& s) -> std::optional<std::string> { return std::to_string(s.speed); },
       [](std::string_view v, Settings* s) { return read_whole(v, 0, 1000, &s->speed); }},
      {"pace", [](const Settings& s) -> std::optional<std::string> {
         if (s.steady_frames) return std::nullopt;
         return "0";
       },
       [](std::string_view v, Settings* s) {
         long long n;
         if (!parse_int(v, 0, 1, &n)) return false;
         s->steady_frames = n == 1;
         return true;
       }},
      {"land", [](const Settings& s) -> std::optional<std::string> {
         if (s.landscape == LandscapeOptions{}) return std::nullopt;
         return landscape_link(s.landscape);
       },
       [](std::string_view v, Settings* s) { return parse_landscape_link(v, &s->landscape); }},
      {"lx", [](const Settings& s) -> std::optional<std::string> {
         if (s.loss_axis == LossAxis::Iterations) return std::nullopt;
         return loss_axis_name(s.loss_axis);
       },
       [](std::string_view v, Settings* s) {
         for (LossAxis axis : {LossAxis::Iterations, LossAxis::Epochs})
           if (v == loss_axis_name(axis)) {
             s->loss_axis = axis;
             return true;
           }
         return false;
       }},
      {"hide", [](const Settings& s) -> std::optional<std::string> {
         if (!s.hidden_controls) return std::nullopt;
         return join_controls(s.hidden_controls);
       },
       [](std::string_view v, Settings* s) {
         std::uint32_t mask = 0;
         for (std::string_view name : split(v, ',')) {
           bool found = false;
           for (const ControlInfo& c : control_names())
             if (name == c.name) mask |= c.control, found = true;
           if (!found) return false;
         }
         s->hidden_controls = mask;
         return true;
       }},
  };
  return keys;
}

// A path inside the page's folder: relative, of the characters of file names, with no empty, "."
// or ".." segment, so that it can name neither another host nor a file outside the folder.
bool is_relative_path(std::string_view path) {
  if (path.empty() ||
      path.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/") !=
          std::string_view::npos)
    return false;
  for (std::string_view segment : split(path, '/'))
    if (segment.empty() || segment == "." || segment == "..") return false;
  return true;
}

// The keys of a link that are not settings: where in a lesson it opens, how the page is shown.
struct TargetKey {
  const char* key;
  bool (*read)(std::string_view, LinkTarget*);
};

const std::vector<TargetKey>& target_keys() {
  static const std::vector<TargetKey> keys = {
      {"lesson", [](std::string_view v, LinkTarget* t) {
         // The characters a lesson id may have (parse_lesson), so a link cannot smuggle others in.
         if (v.empty() || v.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string_view::npos)
           return false;
         t->lesson = std::string(v);
         return true;
       }},
      {"step", [](std::string_view v, LinkTarget* t) { return read_whole(v, 1, kMaxLinkStep, &t->step); }},
      {"embed", [](std::string_view v, LinkTarget* t) {
         long long n;
         if (!parse_int(v, 0, 1, &n)) return false;
         t->embed = n == 1;
         return true;
       }},
      {"panels", [](std::string_view v, LinkTarget* t) {
         std::vector<std::string> panels;
         for (std::string_view name : split(v, ',')) {
           // A view's name (lessons::view_names()) is lower case with underscores.
           if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos ||
               panels.size() >= kMaxLinkPanels)
             return false;
           panels.emplace_back(name);
         }
         if (panels.empty()) return false;
         t->panels = panels;
         return true;
       }},
      {"lessons", [](std::string_view v, LinkTarget* t) {
         std::vector<std::string> files;
         for (std::string_view path : split(v, ',')) {
           if (!is_relative_path(path) || files.size() >= kMaxLinkLessonFiles) return false;
           files.emplace_back(path);
         }
         if (files.empty()) return false;
         t->lesson_files = files;
         return true;
       }},
      {"welcome", [](std::string_view v, LinkTarget* t) {
         long long n;
         if (!parse_int(v, 0, 1, &n)) return false;
         t->welcome = n == 1;
         return true;
       }},
  };
  return keys;
}

// decode_hash and decode_link: target is null when the link may carry settings only.
Status decode(std::string_view hash, Settings* out, LinkTarget* target) {
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.size() > kMaxHashLength)
    return Status::error("link: settings longer than " + std::to_string(kMaxHashLength) + " characters");
  Settings s;
  LinkTarget t;
  for (std::string_view pair : split(hash, '&')) {
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view key = pair.substr(0, eq);
    std::string value;
    if (eq == std::string_view::npos || !percent_decode(pair.substr(eq + 1), &value))
      return Status::error("link: \"" + std::string(key.substr(0, 24)) + "\" has no readable value");
    const auto k = std::find_if(hash_keys().begin(), hash_keys().end(),
                                [&](const HashKey& h) { return key == h.key; });
    const auto tk = std::find_if(target_keys().begin(), target_keys().end(),
                                 [&](const TargetKey& h) { return key == h.key; });
    bool read = false;
    if (k != hash_keys().end())
      read = k->read(value, &s);
    else if (target && tk != target_keys().end())
      read = tk->read(value, &t);
    else
      return Status::error("link: unknown setting \"" + std::string(key.substr(0, 24)) + "\"");
    if (!read)
      return Status::error("link: " + std::string(key) + "=\"" + value.substr(0, 24) +
                           "\" is not a valid value");
  }
  if (Status v = validate(s); !v) return Status::error("link: " + v.message());
  if (t.step > 0 && t.lesson.empty()) return Status::error("link: step needs a lesson");
  if (!t.panels.empty() && !t.embed) return Status::error("link: panels needs embed=1");
  *out = s;
  if (target) *target = t;
  return Status::ok();
}

}  // namespace

std::string encode_hash(const Settings& s) {
  std::string h;
  for (const HashKey& k : hash_keys()) {
    if (const std::optional<std::string> value = k.write(s))
      h += (h.empty() ? "" : "&") + std::string(k.key) + "=" + *value;
  }
  return h;
}

Status decode_hash(std::string_view hash, Settings* out) { return decode(hash, out, nullptr); }

std::string encode_link(const Settings& s, const LinkTarget& target) {
  std::string h = encode_hash(s);
  if (!target.welcome) h += "&welcome=0";
  if (!target.lesson.empty()) {
    h += "&lesson=" + target.lesson;
    if (target.step > 0) h += "&step=" + std::to_string(target.step);
  }
  if (target.embed) h += "&embed=1";
  if (!target.panels.empty()) h += "&panels=" + join_names(target.panels);
  if (!target.lesson_files.empty()) h += "&lessons=" + join_names(target.lesson_files);
  return h;
}

Status decode_link(std::string_view hash, Settings* out, LinkTarget* target) {
  return decode(hash, out, target);
}

}  // namespace lab
