#!/usr/bin/env bash
# Runs Trunk with the wasm toolchain scripts/tools.sh chose and described in
# $IVOCALC_CACHE/wasm-toolchain.env: rustup's target, or Debian's rustc-web when rustup could
# not add it; either way std is compiled from source with panics as bare traps.
set -euo pipefail
CACHE="${IVOCALC_CACHE:-$HOME/.cache/ivocalc}"
if [ -f "$CACHE/wasm-toolchain.env" ]; then
  # shellcheck disable=SC1091
  . "$CACHE/wasm-toolchain.env"
fi
exec trunk "$@"
