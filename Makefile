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

test-python: build
	SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(PYTHON) -m pytest -q test/python
	cd runtime/python && SPARKMIGRATE_BIN=$(CURDIR)/$(BUILD)/sparkmigrate $(CURDIR)/$(PYTHON) -m pytest -q

docs: build
	./$(BUILD)/sparkmigrate rule --write-docs docs/rules

bench: build
	$(PYTHON) bench/check_throughput.py --binary $(BUILD)/sparkmigrate

clean:
	rm -rf $(BUILD)
