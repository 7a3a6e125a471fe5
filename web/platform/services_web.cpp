// Browser side of platform_services.h. JavaScript is reached through EM_JS; strings come back
// into a caller-sized buffer (no allocation contract across the boundary), and opened files are
// copied into the wasm heap by the page and handed to bplab_file_opened().
#include <emscripten/emscripten.h>

#include <deque>
#include <vector>

#include "input_limits.h"
#include "platform_services.h"
#include "services_loop.h"

namespace {

EM_JS(int, js_hash_length, (), { return lengthBytesUTF8(location.hash.replace(/^#/, "")); });
EM_JS(void, js_hash_copy, (char* out, int size),
      { stringToUTF8(location.hash.replace(/^#/, ""), out, size); });
EM_JS(void, js_set_hash, (const char* hash), {
  const h = UTF8ToString(hash);
  if (location.hash.replace(/^#/, "") !== h) history.replaceState(null, "", "#" + h);
});

// The media query object is made once; its `matches` follows the system setting live.
EM_JS(int, js_prefers_reduced_motion, (), {
  if (!Module.reducedMotionQuery) Module.reducedMotionQuery = matchMedia("(prefers-reduced-motion: reduce)");
  return Module.reducedMotionQuery.matches ? 1 : 0;
});

EM_JS(void, js_download, (const char* name, const char* data, int size, const char* mime), {
  const bytes = HEAPU8.slice(data, data + size);
  const url = URL.createObjectURL(new Blob([bytes], {type: UTF8ToString(mime)}));
  const a = document.createElement("a");
  a.href = url;
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
});

// A file's text (or why it could not be read) copied into the heap and passed to
// bplab_file_opened: shared by the picker and fetch_file.
EM_JS(void, js_define_deliver, (), {
  Module.bplabDeliverFile = (purpose, fileName, text, error) => {
    const put = (s) => {
      const n = lengthBytesUTF8(s) + 1;
      const p = _malloc(n);
      stringToUTF8(s, p, n);
      return p;
    };
    const name = put(fileName), content = put(text), err = put(error);
    _bplab_file_opened(purpose, name, content, err);
    _free(name);
    _free(content);
    _free(err);
  };
});

// The picker's file is read as text and delivered; files over the engine's size limit are refused
// before reading.
EM_JS(void, js_open_file, (int purpose, const char* accept, double max_bytes), {
  const input = document.createElement("input");
  input.type = "file";
  input.accept = UTF8ToString(accept);
  input.onchange = () => {
    const file = input.files[0];
    if (!file) return;
    const deliver = (text, error) => Module.bplabDeliverFile(purpose, file.name, text, error);
    if (file.size > max_bytes) {
      deliver("", file.name + ": file is larger than " + max_bytes + " bytes");
      return;
    }
    file.text().then((text) => deliver(text, ""), (e) => deliver("", file.name + ": " + e));
  };
  input.click();
});

// A file of the page's own host (the page's CSP allows no other), read as text and delivered;
// an HTTP error or a file over the size limit is delivered as the file's error.
EM_JS(void, js_fetch_file, (int purpose, const char* url, double max_bytes), {
  const name = UTF8ToString(url);
  const deliver = (text, error) => Module.bplabDeliverFile(purpose, name, text, error);
  fetch(name, {credentials: "same-origin"})
    .then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status + " " + response.statusText);
      return response.text();
    })
    .then((text) => text.length > max_bytes ? deliver("", name + ": file is larger than " + max_bytes + " bytes")
                                             : deliver(text, ""),
          (e) => deliver("", name + ": could not be loaded (" + e.message + ")"));
});

EM_JS(int, js_storage_length, (const char* key), {
  try {
    const v = localStorage.getItem(UTF8ToString(key));
    return v === null ? 0 : lengthBytesUTF8(v);
  } catch (e) {
    return 0;
  }
});
EM_JS(void, js_storage_copy, (const char* key, char* out, int size), {
  try {
    stringToUTF8(localStorage.getItem(UTF8ToString(key)) || "", out, size);
  } catch (e) {
    stringToUTF8("", out, size);
  }
});
EM_JS(void, js_storage_set, (const char* key, const char* value), {
  try {
    localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
  } catch (e) {
  }
});

// Called right after the frame was drawn, while the drawing buffer still holds it.
EM_JS(void, js_canvas_png, (const char* name), {
  const file = UTF8ToString(name);
  Module.canvas.toBlob((blob) => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }, "image/png");
});

std::deque<bplab::platform::OpenedFile> g_opened;
std::deque<bplab::platform::OpenedFile> g_lessons;
std::string g_screenshot;

std::string read_js_string(int length, void (*copy)(char*, int)) {
  std::vector<char> buf(std::size_t(length) + 1);
  copy(buf.data(), length + 1);
  return std::string(buf.data(), length);
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void bplab_file_opened(int purpose, const char* name,
                                                       const char* content, const char* error) {
  const auto p = static_cast<bplab::platform::FilePurpose>(purpose);
  (p == bplab::platform::FilePurpose::Lesson ? g_lessons : g_opened).push_back({p, name, content, error});
}

namespace bplab::platform {

std::string url_hash() { return read_js_string(js_hash_length(), js_hash_copy); }

void set_url_hash(const std::string& hash) { js_set_hash(hash.c_str()); }

std::string save_file(const std::string& name, const std::string& bytes, const char* mime) {
  js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime);
  return "Downloaded " + name + ".";
}

void open_file(FilePurpose purpose, const std::string&) {
  js_define_deliver();
  js_open_file(static_cast<int>(purpose), purpose == FilePurpose::Data ? ".csv,text/csv" : ".json,application/json",
               double(bp::kMaxFileBytes));
}

void fetch_file(FilePurpose purpose, const std::string& url) {
  js_define_deliver();
  js_fetch_file(static_cast<int>(purpose), url.c_str(), double(bp::kMaxFileBytes));
}

bool poll_opened_lesson(OpenedFile* out) {
  if (g_lessons.empty()) return false;
  *out = std::move(g_lessons.front());
  g_lessons.pop_front();
  return true;
}

bool poll_opened_file(OpenedFile* out) {
  if (g_opened.empty()) return false;
  *out = std::move(g_opened.front());
  g_opened.pop_front();
  return true;
}

bool has_file_picker() { return true; }

bool prefers_reduced_motion() { return js_prefers_reduced_motion() != 0; }

std::string storage_get(const std::string& key) {
  const int n = js_storage_length(key.c_str());
  std::vector<char> buf(std::size_t(n) + 1);
  js_storage_copy(key.c_str(), buf.data(), n + 1);
  return std::string(buf.data(), n);
}

void storage_set(const std::string& key, const std::string& value) {
  js_storage_set(key.c_str(), value.c_str());
}

void request_screenshot(const std::string& name) { g_screenshot = name; }

void after_render() {
  if (g_screenshot.empty()) return;
  js_canvas_png(g_screenshot.c_str());
  g_screenshot.clear();
}

}  // namespace bplab::platform
