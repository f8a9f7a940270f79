// libFuzzer target: the `queue` command line, end to end through CLI11, the unit parsers,
// sizing, analysis and every output format. The input is split at newlines into arguments
// after `capplan queue`. Diagnostics (capplan's typed errors) are fine; anything else that
// escapes, and any sanitizer report, is a bug. `make fuzz` runs it with -close_fd_mask=3 so the
// command's own output does not drown libFuzzer's (crash reports still print).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) {
        return 0;
    }
    std::vector<std::string> args = {"capplan", "queue"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\n') {
            args.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    args.push_back(current);
    for (const auto& a : args) {
        // Never let the fuzzer write files.
        if (a == "-o" || a.rfind("--output", 0) == 0 || a.rfind("-o", 0) == 0) {
            return 0;
        }
    }
    std::vector<char*> argv;
    for (auto& a : args) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    try {
        (void)capplan::cli::run_app(static_cast<int>(args.size()), argv.data());
    } catch (const capplan::Error&) {
    } catch (const capplan::cli::ClosedPipe&) {
    }
    return 0;
}
