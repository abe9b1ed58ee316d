#!/usr/bin/env bash
# What takes the bytes of the app's wasm. Builds it as `make dist` does (cargo release build,
# wasm-bindgen, wasm-opt -Oz) but keeps the function names, then prints twiggy's `top` and
# `dominators`. The stripped file equals the site's wasm byte for byte; its gzip -9 size is
# printed last. Installs twiggy into the tool cache once.
#   scripts/wasm-size.sh [out-dir]      (default target/wasm-size)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/wasm-size}"
CACHE="${IVOCALC_CACHE:-$HOME/.cache/ivocalc}"
TWIGGY_VERSION=0.8.0
tools=$(scripts/tools.sh build)
export PATH="$tools:$PATH"
twiggy="$CACHE/twiggy-$TWIGGY_VERSION/bin/twiggy"
if [ ! -x "$twiggy" ]; then
  echo "[wasm-size] building twiggy $TWIGGY_VERSION (a few minutes, once)" >&2
  env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_TARGET_DIR="$CACHE/cargo-target" \
    cargo install --locked twiggy --version "=$TWIGGY_VERSION" --root "$CACHE/twiggy-$TWIGGY_VERSION" >&2
fi
if [ -f "$CACHE/wasm-toolchain.env" ]; then
  # shellcheck disable=SC1091
  . "$CACHE/wasm-toolchain.env"
fi
target_dir="${CARGO_TARGET_DIR:-target}"
mkdir -p "$out"
cargo build --release --locked --lib --target wasm32-unknown-unknown >&2
# Copied at once: another build in a shared target folder may overwrite it.
cp "$target_dir/wasm32-unknown-unknown/release/ivocalc.wasm" "$out/cargo.wasm"
wasm-bindgen --keep-debug --target web --out-dir "$out" --out-name ivocalc "$out/cargo.wasm"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals)
# The site's wasm-opt passes, as index.html gives them to Trunk (data-wasm-opt-params).
read -r -a params <<< "$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt -Oz "${params[@]}" -g "${features[@]}" "$out/ivocalc_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz "${params[@]}" "${features[@]}" "$out/ivocalc_bg.wasm" -o "$out/site.wasm"
"$twiggy" top -n 60 "$out/named.wasm"
"$twiggy" top -n 1000000 -f csv "$out/named.wasm" > "$out/top.csv"
"$twiggy" dominators -d 3 -r 60 "$out/named.wasm"
echo "site wasm: $(wc -c < "$out/site.wasm") bytes, gzip -9 $(gzip -9 -c "$out/site.wasm" | wc -c) bytes"
