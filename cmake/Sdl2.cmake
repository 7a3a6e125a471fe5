# bplab_sdl2: SDL2 for the platform layer.
# Natively it is Debian's libsdl2-dev. For the web, Emscripten's SDL2 port cannot be downloaded
# here, so scripts/setup.sh builds Debian's SDL 2.26.5 source with Emscripten into a prefix.
add_library(bplab_sdl2 INTERFACE)
if(EMSCRIPTEN)
  set(BPLAB_SDL2_WEB_PREFIX ${PROJECT_SOURCE_DIR}/third_party/sdl2-web CACHE PATH
      "SDL2 built for Emscripten by scripts/setup.sh")
  if(NOT EXISTS ${BPLAB_SDL2_WEB_PREFIX}/lib/libSDL2.a)
    message(FATAL_ERROR "${BPLAB_SDL2_WEB_PREFIX}/lib/libSDL2.a not found: run scripts/setup.sh")
  endif()
  target_include_directories(bplab_sdl2 SYSTEM INTERFACE ${BPLAB_SDL2_WEB_PREFIX}/include/SDL2)
  target_link_libraries(bplab_sdl2 INTERFACE ${BPLAB_SDL2_WEB_PREFIX}/lib/libSDL2.a)
else()
  find_package(SDL2 REQUIRED CONFIG)
  target_link_libraries(bplab_sdl2 INTERFACE SDL2::SDL2)
endif()
