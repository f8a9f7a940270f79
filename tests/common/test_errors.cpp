// The error base (common/errors.hpp): every error main catches carries the exit status of
// capplan(1) EXIT STATUS and renders the diagnostic line of capplan(1) DIAGNOSTICS.

#include <catch2/catch.hpp>

#include <string>

#include "common/errors.hpp"

using capplan::Error;
using capplan::ExitStatus;
using capplan::InputError;
using capplan::IoError;
using capplan::UsageError;

namespace {

// What main does with an error: the line it prints and the status it returns.
struct Caught {
    std::string line;
    int status = -1;
};

template <class E>
Caught catch_as_error(const E& thrown) {
    try {
        throw thrown;
    } catch (const Error& e) {
        return {e.diagnostic(), static_cast<int>(e.exit_status())};
    }
    return {}; // not reached: an exception that is not an Error escapes and fails the test
}

} // namespace

TEST_CASE("The exit statuses are those of capplan(1)", "[errors]") {
    // capplan(1) EXIT STATUS: 0 success, 1 a broken budget, 2 bad input, 3 internal error.
    CHECK(static_cast<int>(ExitStatus::ok) == 0);
    CHECK(static_cast<int>(ExitStatus::budget_broken) == 1);
    CHECK(static_cast<int>(ExitStatus::bad_input) == 2);
    CHECK(static_cast<int>(ExitStatus::internal) == 3);
}

TEST_CASE("Every error is caught once as capplan::Error", "[errors]") {
    // capplan(1) DIAGNOSTICS: FILE:LINE:COL, --FLAG and FILE: cannot open; all exit 2.
    const Caught input = catch_as_error(InputError("app.toml", 3, 7, "unknown key 'x'"));
    CHECK(input.line == "capplan: app.toml:3:7: error: unknown key 'x'");
    CHECK(input.status == 2);

    const Caught usage = catch_as_error(UsageError("--users", "is required"));
    CHECK(usage.line == "capplan: --users: error: is required");
    CHECK(usage.status == 2);

    const Caught io = catch_as_error(IoError("nope.toml", "cannot open", "no such file"));
    CHECK(io.line == "capplan: nope.toml: error: cannot open: no such file");
    CHECK(io.status == 2);
}

TEST_CASE("An input error omits the position it does not know", "[errors]") {
    // errors.hpp: line and column 0 mean unknown and are left out of the line.
    CHECK(render_diagnostic(InputError("a.toml", 0, 0, "m")) == "capplan: a.toml: error: m");
    CHECK(render_diagnostic(InputError("a.toml", 4, 0, "m")) == "capplan: a.toml:4: error: m");
    CHECK(render_diagnostic(UsageError("", "m")) == "capplan: error: m");
}
