#!/usr/bin/env bash
# Fallback for when `rustup target add wasm32-unknown-unknown` fails: Debian's rustc-web
# toolchain (1.96, with the standard library's source), unpacked into the cache with
# `apt-get download` and `dpkg -x` (no system change), building std for wasm32 itself
# (-Zbuild-std) and linking with LLVM's wasm-ld.
# Writes $CACHE/wasm-toolchain.env, which scripts/trunk.sh reads for the build; scripts/tools.sh
# then adds how std is compiled (-Zbuild-std, panic=immediate-abort) to it.
set -euo pipefail
CACHE="${IVOCALC_CACHE:-$HOME/.cache/ivocalc}"
VERSION=1.96
dir="$CACHE/debian-rust-web-$VERSION"
log() { printf '[debian-rust-web] %s\n' "$*" >&2; }

if [ ! -x "$dir/usr/bin/rustc" ]; then
  log "downloading Debian's rustc-web $VERSION, its std source, lld-22 and libllvm22"
  work=$(mktemp -d)
  (cd "$work" && apt-get download rustc-web libstd-rust-web-dev "libstd-rust-web-$VERSION" rust-web-src lld-22 libllvm22 >&2) || {
    [ "$(id -u)" = 0 ] && apt-get update -qq >&2
    (cd "$work" && apt-get download rustc-web libstd-rust-web-dev "libstd-rust-web-$VERSION" rust-web-src lld-22 libllvm22 >&2)
  }
  rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$dir.tmp"; done
  rm -rf "$work" "$dir"; mv "$dir.tmp" "$dir"
fi

# -Zbuild-std compiles std's own dependencies; Trunk builds offline, so fetch them now.
RUSTC_BOOTSTRAP=1 cargo fetch --manifest-path "$dir/usr/lib/rustlib/src/rust/library/Cargo.toml" >&2

libs="$dir/usr/lib/x86_64-linux-gnu:$dir/usr/lib"
wasm_ld="$dir/usr/lib/llvm-22/bin/wasm-ld"
[ -e "$wasm_ld" ] || wasm_ld="$dir/usr/lib/llvm-22/bin/lld"
LD_LIBRARY_PATH="$libs" "$dir/usr/bin/rustc" --version >&2
cat > "$CACHE/wasm-toolchain.env" <<ENV
# Debian rustc-web for wasm32 builds (written by scripts/debian-rust-web.sh)
export RUSTC="$dir/usr/bin/rustc"
export LD_LIBRARY_PATH="$libs\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$wasm_ld"
ENV
log "wrote $CACHE/wasm-toolchain.env"
