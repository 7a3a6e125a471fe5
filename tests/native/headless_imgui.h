// A test fixture with an ImGui context and no renderer: an 800×600 display, 60 frames a second,
// the font atlas built with a stand-in texture id. For tests that read draw lists.
#pragma once
#include <gtest/gtest.h>
#include <imgui.h>

class HeadlessImGui : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60;
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.Fonts->SetTexID(ImTextureID(1));
  }
  void TearDown() override { ImGui::DestroyContext(); }
};
