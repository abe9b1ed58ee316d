#!/usr/bin/env python3
"""Trunk post-build step, run on the staging folder before it becomes dist/.

Moves every inline <script> of index.html into its own content-hashed file, so the page's
Content-Security-Policy can forbid inline scripts (script-src 'self').
"""
import hashlib
import os
import re
import sys
from pathlib import Path

staging = Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1])
public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
if not public_url.endswith("/"):
    public_url += "/"
index = staging / "index.html"
html = index.read_text(encoding="utf-8")

INLINE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)


def externalise(match: re.Match) -> str:
    attrs, body = match.group("attrs"), match.group("body")
    if "src=" in attrs or not body.strip():
        return match.group(0)
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    (staging / name).write_text(body.strip() + "\n", encoding="utf-8")
    attrs = re.sub(r"\s(nonce|integrity)=\"[^\"]*\"", "", attrs)
    return f'<script{attrs} src="{public_url}{name}"></script>'


html = INLINE.sub(externalise, html)
index.write_text(html, encoding="utf-8")
