# The two set-up commands are `make serve` and `make test`; README.md explains them.
# Tools are installed by scripts/tools.sh into $(IVOCALC_CACHE) (default ~/.cache/ivocalc).
SHELL := /bin/bash
PUBLIC_URL ?= /
DIST ?= dist

.PHONY: serve test dist tools bench clean

## Installs what is missing, builds the release app and serves it at http://127.0.0.1:8080
serve:
	@tools=$$(scripts/tools.sh build) && PATH="$$tools:$$PATH" scripts/trunk.sh serve --release --no-autoreload

## Every test layer (installs what is missing, including Chromium from Debian)
test:
	@scripts/test.sh

## The release site in $(DIST)/; `make dist PUBLIC_URL=/ivocalc/` for a sub-path
dist:
	@tools=$$(scripts/tools.sh build) && PATH="$$tools:$$PATH" scripts/trunk.sh build --release --public-url "$(PUBLIC_URL)" --dist "$(DIST)"
	@scripts/sizes.sh "$(DIST)"

## Benchmarks; timings are printed, never asserted: the PK engine natively (cargo bench),
## then the release site (dist/, rebuilt) on an emulated phone (scripts/bench-phone.mjs)
bench:
	@scripts/tools.sh test >/dev/null
	cargo bench --locked --bench pk
	@$(MAKE) --no-print-directory dist PUBLIC_URL=/ DIST="$(DIST)"
	node scripts/bench-phone.mjs --site "$(DIST)"

## Only the tools, for a warm cache
tools:
	@scripts/tools.sh test >/dev/null

clean:
	rm -rf dist target/site-test target/screenshots
