#!/usr/bin/env bash
# Installs and caches everything the native and web builds and the tests need.
# Idempotent: every step checks first and is skipped when already done, so a warm run takes
# about a second. Only Debian packages and the npm registry are used (see README.md).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
THIRD_PARTY="$ROOT/third_party"
STAMPS="$THIRD_PARTY/.stamps"
# What is the same for every clone on this machine (the source tarballs, SDL2 built for the web) is
# also kept here, so a fresh clone copies it instead of downloading and building it again.
MACHINE_CACHE="${BPLAB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bplab}"
DOWNLOADS="$MACHINE_CACHE/downloads"
# Emscripten's JS optimizer needs acorn, which Debian installs in /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs

IMGUI_VERSION=1.90.1+ds-1
IMGUI_ORIG=imgui_1.90.1+ds.orig.tar.xz
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
SDL_VERSION=2.26.5+dfsg-1
SDL_ORIG=libsdl2_2.26.5+dfsg.orig.tar.gz
SDL_SHA256=b3f2c822151804125d08db94c65852f711c2e5df2145a59da120748dc32eb9c3

APT_PACKAGES=(
  emscripten chromium libsdl2-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev
  xvfb x11-apps imagemagick fonts-dejavu-core cmake ninja-build clang-14 libclang-rt-14-dev
  python3 xz-utils ca-certificates fonttools
)

log() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_apt_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  # Node may come from elsewhere (e.g. NodeSource, which bundles npm): only ask Debian when absent.
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -eq 0 ]; then
    log "apt packages: all present"
    return
  fi
  log "apt packages: installing ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

install_npm_packages() {
  local lock="$ROOT/tests/package-lock.json" stamp="$STAMPS/npm"
  local want
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d "$ROOT/tests/node_modules/playwright-core" ]; then
    log "npm packages: up to date"
    return
  fi
  log "npm packages: npm ci in tests/"
  (cd "$ROOT/tests" && npm ci --no-audit --no-fund)
  echo "$want" >"$stamp"
}

# Prints the URIs of the machine's own Debian archive entry (not the security one), so the private
# deb-src list below reaches the same mirror without a host name being written into the repo.
debian_archive_uri() {
  local f uri
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '
      /^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }
    ' "$f")
    if [ -n "$uri" ]; then echo "$uri"; return; fi
  done
  if [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
    if [ -n "$uri" ]; then echo "$uri"; return; fi
  fi
  echo "no Debian archive URI found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
  return 1
}

# Downloads the ImGui and SDL2 source tarballs with a private apt configuration: the system's
# sources and lists are not touched. ImGui 1.90.1 is only in trixie; source packages contain no
# binaries, so a trixie deb-src entry is harmless on bookworm.
fetch_sources() {
  local apt_dir="$THIRD_PARTY/_apt" dl="$DOWNLOADS"
  if [ -f "$dl/$IMGUI_ORIG" ] && [ -f "$dl/$SDL_ORIG" ]; then
    log "sources: $IMGUI_ORIG and $SDL_ORIG in the download cache"
    return
  fi
  log "sources: downloading $IMGUI_ORIG and $SDL_ORIG"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$dl"
  local uri
  uri=$(debian_archive_uri)
  cat >"$apt_dir/sources.sources" <<EOF
Types: deb-src
URIs: $uri
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  local apt_opts=(
    -o "Dir::Etc::SourceList=$apt_dir/sources.sources"
    -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
    -o APT::Sandbox::User=root
  )
  apt-get "${apt_opts[@]}" -qq update
  (cd "$dl" && apt-get "${apt_opts[@]}" -qq source --download-only \
    "imgui=$IMGUI_VERSION" "libsdl2=$SDL_VERSION")
}

verify_sha256() {
  local file=$1 want=$2 got
  got=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$got" != "$want" ]; then
    echo "sha256 mismatch for $file: got $got, want $want" >&2
    rm -f "$file"
    return 1
  fi
}

# True when $THIRD_PARTY/$1 holds the tarball with sha256 $2. The unpack stamp records the
# tarball's checksum, which names one version, so a new IMGUI_*/SDL_* above fails this test and
# the new tarball is fetched and unpacked.
unpacked() {
  local name=$1 sha=$2 stamp="$STAMPS/unpack-$1"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ] && [ -d "$THIRD_PARTY/$name" ]
}

# Unpacks a tarball whose single top folder becomes $THIRD_PARTY/$name.
unpack() {
  local tarball=$1 sha=$2 name=$3 stamp="$STAMPS/unpack-$3"
  if unpacked "$name" "$sha"; then
    log "$name: unpacked"
    return
  fi
  verify_sha256 "$DOWNLOADS/$tarball" "$sha"
  log "$name: unpacking $tarball"
  local tmp="$THIRD_PARTY/_unpack-$name"
  rm -rf "$tmp" "$THIRD_PARTY/$name"
  mkdir -p "$tmp"
  tar -xf "$DOWNLOADS/$tarball" -C "$tmp"
  mv "$tmp"/* "$THIRD_PARTY/$name"
  rmdir "$tmp"
  echo "$sha" >"$stamp"
}

# SDL2 for Emscripten: Emscripten's own SDL2 port cannot be fetched here, so build the Debian source
# into a prefix that the web preset links against. The build takes minutes, so it is made once per
# machine in $MACHINE_CACHE, keyed by the SDL tarball, the Emscripten version and the options
# below, and copied into third_party/sdl2-web.
SDL_WEB_OPTIONS=(-DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
                 -DSDL_AUDIO=OFF -DSDL_THREADS=OFF)
build_sdl2_web() {
  local prefix="$THIRD_PARTY/sdl2-web" stamp="$STAMPS/sdl2-web" key
  key=$( { echo "$SDL_SHA256"; emcc --version | head -1; echo "${SDL_WEB_OPTIONS[*]}"; } |
         sha256sum | cut -c1-16)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$key" ] && [ -f "$prefix/lib/libSDL2.a" ]; then
    log "SDL2 (web): built"
    return
  fi
  local cached="$MACHINE_CACHE/sdl2-web-$key"
  if [ ! -f "$cached/lib/libSDL2.a" ]; then
    log "SDL2 (web): building into $cached (a few minutes, once per machine)"
    local start=$SECONDS build="$THIRD_PARTY/_build/sdl2-web" tmp="$cached.partial-$$"
    rm -rf "$build" "$tmp"
    emcmake cmake -S "$THIRD_PARTY/SDL2" -B "$build" -G Ninja -DCMAKE_INSTALL_PREFIX="$tmp" \
      "${SDL_WEB_OPTIONS[@]}" >/dev/null
    cmake --build "$build" -j2
    cmake --install "$build" >/dev/null
    # Another set-up may have finished the same build meanwhile: either copy will do.
    mv -T "$tmp" "$cached" 2>/dev/null || rm -rf "$tmp"
    log "SDL2 (web): built in $((SECONDS - start)) s"
  fi
  rm -rf "$prefix"
  cp -a "$cached" "$prefix"
  echo "$key" >"$stamp"
  log "SDL2 (web): copied from $cached"
}

main() {
  local start=$SECONDS
  mkdir -p "$STAMPS" "$MACHINE_CACHE"
  install_apt_packages
  install_npm_packages
  # The tarballs are needed only to unpack: once both folders hold the wanted versions, neither
  # the network nor the download cache is consulted.
  if ! unpacked imgui "$IMGUI_SHA256" || ! unpacked SDL2 "$SDL_SHA256"; then
    fetch_sources
  fi
  unpack "$IMGUI_ORIG" "$IMGUI_SHA256" imgui
  unpack "$SDL_ORIG" "$SDL_SHA256" SDL2
  build_sdl2_web
  log "done in $((SECONDS - start)) s"
}

main "$@"
