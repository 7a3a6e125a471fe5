# Writes the service worker (service_worker.js) for the page files of one build or bundle:
#   cmake -DDIR=<folder> -DLIST=<page_files.txt> -DTEMPLATE=<web/shell/service_worker.js> -P service_worker.cmake
# LIST names the page's files, one a line (web/CMakeLists.txt writes it; scripts/bundle.sh passes
# the build's). The worker gets each file's SHA-256 (FILES) and, as the build id, the first 16 hex
# digits of the SHA-256 of that table (BUILD): any changed file gives a new worker and a new cache.
foreach(var DIR LIST TEMPLATE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "service_worker.cmake: -D${var}=… is missing")
  endif()
endforeach()
file(STRINGS ${LIST} names)
set(table "")
foreach(name IN LISTS names)
  if(NOT EXISTS ${DIR}/${name})
    message(FATAL_ERROR "service_worker.cmake: ${DIR}/${name} is missing")
  endif()
  file(SHA256 ${DIR}/${name} hash)
  if(table)
    string(APPEND table ",")
  endif()
  string(APPEND table "\"${name}\":\"${hash}\"")
endforeach()
set(BPLAB_PAGE_FILES "{${table}}")
string(SHA256 id "${BPLAB_PAGE_FILES}")
string(SUBSTRING ${id} 0 16 BPLAB_BUILD_ID)
configure_file(${TEMPLATE} ${DIR}/service_worker.js @ONLY)
