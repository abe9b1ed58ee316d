#!/usr/bin/env bash
# Installs every tool the build and the tests need into a cache outside the clone, keyed by
# version, and prints the PATH entries to use. A second run finds everything and installs
# nothing. Usage: scripts/tools.sh build|test
#   IVOCALC_CACHE  the cache folder (default ~/.cache/ivocalc)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
CACHE="${IVOCALC_CACHE:-$HOME/.cache/ivocalc}"
TRUNK_VERSION=0.22.1
TRUNK_FALLBACK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock pins.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TRUNK_TOML_WASM_BINDGEN=$(awk -F'"' '/^wasm_bindgen *=/ { print $2 }' Trunk.toml)
if [ "$WASM_BINDGEN_VERSION" != "$TRUNK_TOML_WASM_BINDGEN" ]; then
  echo "[tools] Cargo.lock pins wasm-bindgen $WASM_BINDGEN_VERSION but Trunk.toml names $TRUNK_TOML_WASM_BINDGEN: make them equal" >&2
  exit 1
fi
mkdir -p "$CACHE"
# One installer at a time per cache (parallel runs wait here instead of building twice).
exec 9>"$CACHE/.lock"
flock 9
log() { printf '[tools] %s\n' "$*" >&2; }

# Rust builds of tools: no LTO and many codegen units, which halves the build time.
build_env=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_TARGET_DIR="$CACHE/cargo-target")

# How every wasm build compiles std: from source, with panics as bare traps, and without
# `Debug` formatting (`{:?}` writes nothing in the wasm, so no text a reader sees may use it)
# or source locations. Written into $CACHE/wasm-toolchain.env for either toolchain, rustup's
# or Debian's.
wasm_std_env() {
  cat <<'ENV'
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
ENV
}

ensure_wasm_target() {
  # IVOCALC_WASM_TOOLCHAIN=debian forces the fallback (to test it).
  if [ "${IVOCALC_WASM_TOOLCHAIN:-rustup}" != debian ]; then
    # The wasm's standard library is compiled with the app (-Zbuild-std, see wasm_std_env):
    # no panic messages, locations or Debug formatting in the wasm, 23.4 KB less of gzip. That
    # needs the standard library's source, rustup's rust-src.
    if { rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
      || { log "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown >&2; }; } \
      && { rustup component list --installed 2>/dev/null | grep -qx rust-src \
      || { log "adding the rust-src component"; rustup component add rust-src >&2; }; }; then
      # -Zbuild-std compiles std's own dependencies; Trunk builds offline, so fetch them now.
      RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml" >&2
      cat > "$CACHE/wasm-toolchain.env" <<ENV
# rustup's wasm32 target, with std compiled from rustup's rust-src (written by scripts/tools.sh)
$(wasm_std_env)
ENV
      return
    fi
    log "rustup could not add the wasm32 target or rust-src; using Debian's rustc-web toolchain"
  fi
  IVOCALC_CACHE="$CACHE" scripts/debian-rust-web.sh >&2
  wasm_std_env >> "$CACHE/wasm-toolchain.env"
}

ensure_trunk() {
  local dir="$CACHE/trunk-$TRUNK_VERSION"
  if [ -x "$dir/bin/trunk" ]; then echo "$dir/bin"; return; fi
  log "building trunk $TRUNK_VERSION (several minutes, once)"
  if "${build_env[@]}" cargo install --locked --ignore-rust-version trunk --version "=$TRUNK_VERSION" --root "$dir.tmp" >&2; then
    rm -rf "$dir"; mv "$dir.tmp" "$dir"; echo "$dir/bin"; return
  fi
  dir="$CACHE/trunk-$TRUNK_FALLBACK_VERSION"
  if [ -x "$dir/bin/trunk" ]; then echo "$dir/bin"; return; fi
  log "trunk $TRUNK_VERSION failed to build; building $TRUNK_FALLBACK_VERSION"
  "${build_env[@]}" cargo install --locked --ignore-rust-version trunk --version "=$TRUNK_FALLBACK_VERSION" --root "$dir.tmp" >&2
  rm -rf "$dir"; mv "$dir.tmp" "$dir"; echo "$dir/bin"
}

ensure_wasm_bindgen() {
  local dir="$CACHE/wasm-bindgen-$WASM_BINDGEN_VERSION"
  if [ -x "$dir/bin/wasm-bindgen" ]; then echo "$dir/bin"; return; fi
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: the CLI's own lockfile pins a crate the registry no longer serves.
  "${build_env[@]}" cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --root "$dir.tmp" >&2
  rm -rf "$dir"; mv "$dir.tmp" "$dir"; echo "$dir/bin"
}

ensure_wasm_opt() {
  # binaryen from npm: Debian's binaryen and the wasm-opt crate cannot read current rustc output.
  local dir="$CACHE/binaryen-$BINARYEN_VERSION"
  if [ -x "$dir/node_modules/.bin/wasm-opt" ]; then echo "$dir/node_modules/.bin"; return; fi
  log "installing binaryen $BINARYEN_VERSION from npm"
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  npm install --silent --no-audit --no-fund --prefix "$dir.tmp" "binaryen@$BINARYEN_VERSION" >&2
  rm -rf "$dir"; mv "$dir.tmp" "$dir"; echo "$dir/node_modules/.bin"
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  log "installing chromium and chromium-driver from Debian"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
}

ensure_cjk_fonts() {
  # The Chinese pages' screenshots are checked by eye: a CJK font must be installed (the app
  # itself uses the system's fonts and downloads none).
  if command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; then return; fi
  if dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'; then return; fi
  log "installing fonts-noto-cjk from Debian (Chinese text in the screenshots)"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk >&2
}

ensure_browser_test_deps() {
  # The browser tests' npm packages, keyed by their lockfile so a change reinstalls them.
  local key dir
  key=$(sha256sum tests/browser/package-lock.json | cut -c1-16)
  dir="$CACHE/browser-tests-$key"
  if [ ! -d "$dir/node_modules" ]; then
    log "installing the browser tests' npm packages"
    rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
    cp tests/browser/package.json tests/browser/package-lock.json "$dir.tmp/"
    (cd "$dir.tmp" && npm ci --silent --no-audit --no-fund >&2)
    rm -rf "$dir"; mv "$dir.tmp" "$dir"
  fi
  ln -sfn "$dir/node_modules" tests/browser/node_modules
}

ensure_wasm_target
paths="$(ensure_trunk):$(ensure_wasm_bindgen):$(ensure_wasm_opt)"
if [ "$what" = test ]; then
  ensure_chromium
  ensure_cjk_fonts
  ensure_browser_test_deps
fi
# Trunk must never look for its tools online; fetch the crates once so offline builds work.
cargo fetch --locked >&2
echo "$paths"
