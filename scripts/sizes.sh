#!/usr/bin/env bash
# Prints the size of each file of a built site, raw and gzip -9, and the totals: all files, an
# English reader's download (every file but those of the other languages, their translation
# packs and manifests, which only readers of that language fetch), and those files.
set -euo pipefail
dir="${1:-dist}"
printf '%-48s %10s %10s\n' file raw gzip
total_raw=0; total_gz=0; pack_raw=0; pack_gz=0
while IFS= read -r -d '' f; do
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  if [[ "${f#"$dir"/}" =~ ^(assets/[a-z]{2}(-[A-Z]{2})?\.[0-9a-f]{16}\.txt|manifest\.[a-z]{2}(-[A-Z]{2})?\.webmanifest)$ ]]; then
    pack_raw=$((pack_raw + raw)); pack_gz=$((pack_gz + gz))
  fi
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f ! -name ".*" -print0 | sort -z)
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
printf '%-48s %10d %10d\n' "English reader (all but other languages' files)" "$((total_raw - pack_raw))" "$((total_gz - pack_gz))"
printf '%-48s %10d %10d\n' "other languages' files (pack, manifest)" "$pack_raw" "$pack_gz"
