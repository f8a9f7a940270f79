// capplan's entry point: the one place that turns errors into diagnostics and exit codes
// (capplan(1) EXIT STATUS, DIAGNOSTICS).

#include <csignal>
#include <exception>
#include <iostream>

#include "cli/app.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"

int main(int argc, char** argv) {
    // A closed pipe is reported by write() as EPIPE and handled as a quiet success.
    std::signal(SIGPIPE, SIG_IGN);
    try {
        return capplan::cli::run_app(argc, argv);
    } catch (const capplan::cli::ClosedPipe&) {
        return 0;
    } catch (const capplan::InputError& e) {
        std::cerr << capplan::render_diagnostic(e) << '\n';
        return 2;
    } catch (const capplan::UsageError& e) {
        std::cerr << capplan::render_diagnostic(e) << '\n';
        return 2;
    } catch (const capplan::IoError& e) {
        std::cerr << capplan::render_diagnostic(e) << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "capplan: internal error: " << e.what() << '\n';
        return 3;
    } catch (...) {
        std::cerr << "capplan: internal error\n";
        return 3;
    }
}
