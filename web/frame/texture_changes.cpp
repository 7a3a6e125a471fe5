#include "texture_changes.h"

#include <utility>

namespace bplab {
namespace {

std::vector<ImTextureID> g_changed;

}  // namespace

void texture_changed(ImTextureID id) { g_changed.push_back(id); }

std::vector<ImTextureID> take_changed_textures() {
  std::vector<ImTextureID> out = std::move(g_changed);
  g_changed.clear();
  return out;
}

}  // namespace bplab
