#!/usr/bin/env python3
"""Trunk post-build step, run on the staging folder before it becomes dist/.

1. Copies the files the app loads on demand (`assets/<name>.<hash>.<ext>`: the Chinese
   translation pack, the trials data) from the build's output folder into the site: the
   names are read from the wasm itself, so the site gets exactly the files its build names.
2. Moves every inline <script> of index.html into its own content-hashed file, so the page's
   Content-Security-Policy can forbid inline scripts (script-src 'self'). The loader's script
   first preloads the on-demand files the page's link uses (`PRELOAD_WHEN`), so they download
   beside the wasm.
3. Writes the service worker, sw.js, at the site's root: its cache version is a hash of every
   file of the build, and its precache list names every file (the page as './') but the files
   of a language other than English (its translation pack `assets/<lang>.<hash>.txt` and its
   `manifest.<lang>.webmanifest`): those are listed apart and cached when a reader chooses the
   language, so English readers never download Chinese texts. Comment lines and indentation
   are left out of sw.js (every first visit downloads it).

    python3 scripts/post_build.py              (as a Trunk hook: TRUNK_STAGING_DIR is set)
    python3 scripts/post_build.py --sw-only DIR   (only step 3, on a built site)
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SW_TEMPLATE = HERE.parent / "static" / "sw.js"
INLINE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)


# Which link starts which on-demand file at once, beside the wasm instead of after it: a link to
# the Trials view its data, a link in Chinese its pack (a file a link does not use is not
# preloaded: the browser would warn of it).
PRELOAD_WHEN = {
    "trials": r"^#\/trials(\?|$)",
    "zh-CN": r"^#[^?]*\?(.*&)?lang=zh[-_]cn(&|$)",
}


def preload_script(lazy: list[str]) -> str:
    """JS that preloads the on-demand files the page's link will use (as `fetch`, the way the
    app requests them, so the app's request takes the preloaded response)."""
    lines = []
    for name in lazy:
        stem = name.split("/", 1)[1].split(".", 1)[0]
        pattern = PRELOAD_WHEN.get(stem)
        if pattern:
            lines.append(
                f"if(/{pattern}/i.test(location.hash)){{const l=document.createElement('link');"
                f"l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href={json.dumps(name)};"
                "document.head.append(l)}"
            )
    return "\n".join(lines)


def externalise_inline_scripts(site: Path, public_url: str, prelude: str) -> None:
    index = site / "index.html"
    html = index.read_text(encoding="utf-8")

    def externalise(match: re.Match) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if "src=" in attrs or not body.strip():
            return match.group(0)
        if prelude and "init(" in body:
            body = prelude + "\n" + body.strip()
        digest = hashlib.sha256(body.encode()).hexdigest()[:16]
        name = f"boot-{digest}.js"
        (site / name).write_text(body.strip() + "\n", encoding="utf-8")
        attrs = re.sub(r"\s(nonce|integrity)=\"[^\"]*\"", "", attrs)
        return f'<script{attrs} src="{public_url}{name}"></script>'

    index.write_text(INLINE.sub(externalise, html), encoding="utf-8")


# The wasm's strings are not terminated: the next one may follow the extension directly
# ("...json" then "assets..."), so the extensions are listed.
ASSET = re.compile(rb"assets/[A-Za-z0-9_-]+\.[0-9a-f]{16}\.(?:json|txt)")


def copy_lazy_assets(site: Path) -> list[str]:
    names = set()
    for wasm in site.rglob("*.wasm"):
        names.update(m.decode() for m in ASSET.findall(wasm.read_bytes()))
    roots = [Path(os.environ[v]) for v in ("CARGO_TARGET_DIR",) if os.environ.get(v)]
    roots.append(HERE.parent / "target")
    for name in sorted(names):
        base = name.split("/", 1)[1]
        found = []
        for root in roots:
            found.extend(p for p in root.glob(f"**/build/ivocalc-*/out/assets/{base}") if p.is_file())
        if not found:
            sys.exit(f"post_build: the app names {name}, but no build output holds it")
        newest = max(found, key=lambda p: p.stat().st_mtime)
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(newest.read_bytes())
    return sorted(names)


# The files of a language but English, fetched only by its readers: its translation pack
# (src/i18n.rs) and its web app manifest.
LANGUAGE_FILE = re.compile(
    r"assets/(?P<pack>[a-z]{2}(-[A-Z]{2})?)\.[0-9a-f]{16}\.txt|manifest\.(?P<manifest>[a-z]{2}(-[A-Z]{2})?)\.webmanifest"
)


def minified_worker(text: str) -> str:
    """The worker without its comment lines and indentation (it is part of every first load)."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith(("//", "/**", "*"))) + "\n"


def write_service_worker(site: Path) -> str:
    files = sorted(
        p for p in site.rglob("*") if p.is_file() and p.name != "sw.js" and not p.name.startswith(".")
    )
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(site).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    version = digest.hexdigest()[:16]
    names = [p.relative_to(site).as_posix() for p in files if p.name != "index.html"]
    on_demand: dict[str, list[str]] = {}
    for name in names:
        m = LANGUAGE_FILE.fullmatch(name)
        if m:
            on_demand.setdefault(m.group("pack") or m.group("manifest"), []).append(name)
    language_files = {n for files in on_demand.values() for n in files}
    precache = ["./"] + [n for n in names if n not in language_files]
    worker = minified_worker(SW_TEMPLATE.read_text(encoding="utf-8"))
    worker = worker.replace("'__IVOCALC_CACHE_VERSION__'", json.dumps(version))
    worker = worker.replace("__IVOCALC_PRECACHE__", json.dumps(precache, separators=(",", ":")))
    worker = worker.replace("__IVOCALC_ON_DEMAND__", json.dumps(on_demand, separators=(",", ":")))
    (site / "sw.js").write_text(worker, encoding="utf-8")
    return version


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--sw-only":
        print(write_service_worker(Path(sys.argv[2])))
        return
    site = Path(os.environ["TRUNK_STAGING_DIR"])
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    if not public_url.endswith("/"):
        public_url += "/"
    lazy = copy_lazy_assets(site)
    externalise_inline_scripts(site, public_url, preload_script(lazy))
    write_service_worker(site)


if __name__ == "__main__":
    main()
