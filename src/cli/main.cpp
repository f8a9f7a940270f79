// capplan's entry point: the one place that turns errors into diagnostics and exit statuses
// (capplan(1) EXIT STATUS, DIAGNOSTICS).

#include <csignal>
#include <exception>
#include <iostream>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"

namespace {

int exit_code(capplan::ExitStatus status) {
    return static_cast<int>(status);
}

} // namespace

int main(int argc, char** argv) {
    using capplan::ExitStatus;
    // A closed pipe is reported by write() as EPIPE and handled as a quiet success.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        return exit_code(capplan::cli::run_app(argc, argv));
    } catch (const capplan::cli::ClosedPipe&) {
        return exit_code(ExitStatus::ok);
    } catch (const capplan::Error& e) {
        std::cerr << e.diagnostic() << '\n';
        return exit_code(e.exit_status());
    } catch (const std::exception& e) {
        std::cerr << "capplan: internal error: " << e.what() << '\n';
        return exit_code(ExitStatus::internal);
    } catch (...) {
        std::cerr << "capplan: internal error\n";
        return exit_code(ExitStatus::internal);
    }
}
