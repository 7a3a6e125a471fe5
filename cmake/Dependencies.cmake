# nlohmann-json comes from Debian (nlohmann-json3-dev). The wasm build must not see the rest of
# /usr/include (glibc headers would shadow Emscripten's libc), so the one header folder is copied
# into the build tree and that copy is the include path for both builds.
set(BPLAB_JSON_SOURCE /usr/include/nlohmann)
if(NOT EXISTS ${BPLAB_JSON_SOURCE}/json.hpp)
  message(FATAL_ERROR "nlohmann/json.hpp not found in /usr/include: run scripts/setup.sh (installs nlohmann-json3-dev)")
endif()
set(BPLAB_JSON_INCLUDE ${CMAKE_BINARY_DIR}/_json/include)
file(COPY ${BPLAB_JSON_SOURCE} DESTINATION ${BPLAB_JSON_INCLUDE})
add_library(bplab_json INTERFACE)
target_include_directories(bplab_json SYSTEM INTERFACE ${BPLAB_JSON_INCLUDE})
