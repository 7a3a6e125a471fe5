// The textures whose pixels changed under the same ImTextureID since the frame loop last asked.
// ImGui's draw data names a texture but cannot tell that its pixels changed: whoever redraws a
// texture that windows show reports it here, and the frame loop hands the list to FrameDamage,
// which then redraws every window that shows one of them.
#pragma once
#include <imgui.h>

#include <vector>

namespace bplab {

void texture_changed(ImTextureID id);
// The textures reported since the last call; empties the list.
std::vector<ImTextureID> take_changed_textures();

}  // namespace bplab
