# bplab_imgui: Dear ImGui 1.90.1 with the SDL2 + OpenGL3 backends, compiled from the Debian source
# tarball that scripts/setup.sh unpacks into third_party/imgui.
set(BPLAB_IMGUI_DIR ${PROJECT_SOURCE_DIR}/third_party/imgui CACHE PATH "Dear ImGui source folder")
if(NOT EXISTS ${BPLAB_IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "${BPLAB_IMGUI_DIR}/imgui.cpp not found: run scripts/setup.sh")
endif()

add_library(bplab_imgui STATIC
  ${BPLAB_IMGUI_DIR}/imgui.cpp
  ${BPLAB_IMGUI_DIR}/imgui_draw.cpp
  ${BPLAB_IMGUI_DIR}/imgui_tables.cpp
  ${BPLAB_IMGUI_DIR}/imgui_widgets.cpp
  ${BPLAB_IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
  ${BPLAB_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
)
target_include_directories(bplab_imgui SYSTEM PUBLIC ${BPLAB_IMGUI_DIR} ${BPLAB_IMGUI_DIR}/backends)
target_link_libraries(bplab_imgui PUBLIC bplab_sdl2)
if(EMSCRIPTEN)
  # The backend defaults to WebGL1 (GLSL #version 100) under Emscripten; the lab uses WebGL2.
  target_compile_definitions(bplab_imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  # The backend's bundled GL loader opens libGL with dlopen.
  target_link_libraries(bplab_imgui PUBLIC ${CMAKE_DL_LIBS})
endif()
