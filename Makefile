# capplan — the two commands of the README and their helpers.
#
#   make demo     install what is missing, build, run the main job
#   make test     install what is missing, build both trees, run every test in each
#   make check    while working: build what changed in the GCC tree and run its tests
#                 (T=regex: the tests whose names match; L=label: one kind, unit|golden|script|fuzz)
#   make install  PREFIX=/usr/local (binary and man pages)
#   make bench    Google Benchmark figures (release build)
#   make golden   rerun every golden case with UPDATE_GOLDEN=1 (GCC tree), then show the diff
#   make fuzz     every libFuzzer target for FUZZ_SECONDS each (the clang tree; `make test` runs
#                 them for a few seconds each)
#   make format   rewrites every C++ file in the style of .clang-format (`make test` checks it)
#   make tidy     clang-tidy with .clang-tidy over src/ (not part of `make test`: it takes minutes)

PREFIX       ?= /usr/local
JOBS         ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
BUILD        ?= build

# Debian 12 packages the build, the tests, the benchmarks and the fuzzers need.
PACKAGES := cmake make g++ clang-14 libclang-rt-14-dev hyperfine \
            libcli11-dev libtomlplusplus-dev libeigen3-dev libfmt-dev catch2 \
            nlohmann-json3-dev libboost-dev libbenchmark-dev groff-base mandoc \
            clang-format-14 clang-tidy-14 ccache

GCC_DIR   := $(BUILD)/gcc-release
CLANG_DIR := $(BUILD)/clang-asan
BENCH_DIR := $(BUILD)/bench

CMAKE_GCC   := cmake -S . -B $(GCC_DIR) -DCMAKE_BUILD_TYPE=Release \
               -DCMAKE_CXX_COMPILER=g++ -DCAPPLAN_WERROR=ON
# The clang tree's core is built with fuzzer-no-link, so the same objects serve the tests and
# the libFuzzer targets.
CMAKE_CLANG := cmake -S . -B $(CLANG_DIR) -DCMAKE_BUILD_TYPE=Debug \
               -DCMAKE_CXX_COMPILER=clang++-14 -DCAPPLAN_WERROR=ON -DCAPPLAN_SANITIZE=ON \
               -DCAPPLAN_FUZZ=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g"

# UBSan must abort rather than print and carry on (exit 0 would hide the bug).
SAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# The C++ files clang-format keeps in shape: every tracked one and every new one git does not
# ignore, so a file is checked before its first commit (a tarball without .git: all of
# src/, tests/, fuzz/ and bench/).
CXX_FILES = $(shell git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp' 2>/dev/null || \
                find src tests fuzz bench -name '*.cpp' -o -name '*.hpp')

.PHONY: all deps demo test test-gcc test-clang build-gcc build-clang check install bench fuzz \
        golden clean format format-check tidy

all: build-gcc

deps:
	@missing=""; for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' \
	        || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        echo "make: installing:$$missing"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	    else \
	        echo "make: missing packages:$$missing"; \
	        echo "make: run: sudo apt-get update && sudo apt-get install -y$$missing"; \
	        exit 1; \
	    fi; \
	fi

build-gcc: deps
	$(CMAKE_GCC) >/dev/null
	cmake --build $(GCC_DIR) -j $(JOBS)

build-clang: deps
	$(CMAKE_CLANG) >/dev/null
	cmake --build $(CLANG_DIR) -j $(JOBS)

demo: deps
	$(CMAKE_GCC) >/dev/null
	cmake --build $(GCC_DIR) -j $(JOBS) --target capplan
	@echo '$$ capplan plan    # the built-in photo-sharing workload, 1 to 1,000,000 users'
	@$(GCC_DIR)/capplan plan

test-gcc: build-gcc
	cd $(GCC_DIR) && ctest --output-on-failure -j $(JOBS)

test-clang: build-clang
	cd $(CLANG_DIR) && $(SAN_ENV) ctest --output-on-failure -j $(JOBS)

test: format-check test-clang test-gcc

# The quick loop: configure once, then build only what changed and run the chosen tests.
check:
	@test -f $(GCC_DIR)/CMakeCache.txt || { $(MAKE) --no-print-directory deps && $(CMAKE_GCC) >/dev/null; }
	cmake --build $(GCC_DIR) -j $(JOBS)
	cd $(GCC_DIR) && ctest --output-on-failure -j $(JOBS) $(if $(T),-R '$(T)') $(if $(L),-L '$(L)')

format: deps
	clang-format-14 -i $(CXX_FILES)

format-check: deps
	@clang-format-14 --dry-run -Werror $(CXX_FILES) || \
	    { echo "make: some files drift from .clang-format: run make format"; exit 1; }

tidy: build-gcc
	run-clang-tidy-14 -p $(GCC_DIR) -j $(JOBS) -quiet "$(CURDIR)/src/"

install: build-gcc
	cmake --install $(GCC_DIR) --prefix $(PREFIX)

bench: deps
	cmake -S . -B $(BENCH_DIR) -DCMAKE_BUILD_TYPE=Release -DCAPPLAN_BENCH=ON -DBUILD_TESTING=OFF >/dev/null
	cmake --build $(BENCH_DIR) -j $(JOBS) --target capplan_bench capplan
	$(BENCH_DIR)/bench/capplan_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	bench/process_time.sh $(BENCH_DIR)/capplan

fuzz: build-clang
	cd $(CLANG_DIR) && CAPPLAN_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SAN_ENV) \
	    ctest --output-on-failure --verbose -R '^fuzz/'

golden: build-gcc
	cd $(GCC_DIR) && UPDATE_GOLDEN=1 ctest -j $(JOBS) -R '^golden/'
	@git status --short -- tests/golden
	@git diff --stat -- tests/golden
	@git --no-pager diff -- tests/golden

clean:
	rm -rf $(BUILD)
