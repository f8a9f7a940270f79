#pragma once
// Typed errors thrown inside capplan and caught once, in cli/main.cpp, which prints the one
// diagnostic line and returns the error's exit status (capplan(1) EXIT STATUS, DIAGNOSTICS).

#include <cstdint>
#include <stdexcept>
#include <string>

namespace capplan {

// The exit statuses of capplan(1) EXIT STATUS.
enum class ExitStatus : int {
    ok = 0,            // success, also a closed standard output pipe
    budget_broken = 1, // `capplan check`: an error-level budget or an SLO breaks
    bad_input = 2,     // a bad flag, value or input file, an infeasible limit, an unwritable output
    internal = 3,      // a bug
};

// The base of every error capplan reports to the user: it carries the exit status it maps to
// and renders its own diagnostic line.
class Error : public std::runtime_error {
public:
    [[nodiscard]] ExitStatus exit_status() const noexcept { return m_exit_status; }

    // The diagnostic line without the trailing newline (see render_diagnostic).
    [[nodiscard]] virtual std::string diagnostic() const = 0;

protected:
    Error(const std::string& what, ExitStatus exit_status)
        : std::runtime_error(what), m_exit_status(exit_status) {}

private:
    ExitStatus m_exit_status;
};

// A problem in an input file: rendered `capplan: FILE:LINE:COL: error: MESSAGE`, exit status 2.
// line and column are 1-based; 0 means unknown (then omitted from the message).
class InputError : public Error {
public:
    InputError(std::string file, std::uint32_t line, std::uint32_t column, std::string message);
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] std::uint32_t line() const noexcept { return m_line; }
    [[nodiscard]] std::uint32_t column() const noexcept { return m_column; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] std::string diagnostic() const override;

private:
    std::string m_file;
    std::uint32_t m_line;
    std::uint32_t m_column;
    std::string m_message;
};

// A bad command-line flag or value: rendered `capplan: --FLAG: error: MESSAGE`, exit status 2.
// flag is written as the user would type it (`--arrival`); empty for the command line as a whole.
class UsageError : public Error {
public:
    UsageError(std::string flag, std::string message);
    [[nodiscard]] const std::string& flag() const noexcept { return m_flag; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }
    [[nodiscard]] std::string diagnostic() const override;

private:
    std::string m_flag;
    std::string m_message;
};

// A file that cannot be read or written: rendered `capplan: FILE: error: cannot open: REASON`
// (or `cannot write:`), exit status 2.
class IoError : public Error {
public:
    IoError(std::string file, std::string verb, std::string reason);
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] const std::string& verb() const noexcept { return m_verb; }
    [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }
    [[nodiscard]] std::string diagnostic() const override;

private:
    std::string m_file;
    std::string m_verb;
    std::string m_reason;
};

// The rendered diagnostic line (without the trailing newline) of any error. It is always one
// line of valid UTF-8: control characters and bytes that are not UTF-8 in the file name, the
// flag and the message are escaped (common/printable.hpp), and a word of the message longer
// than 120 characters (a runaway key or value echoed back) is shortened around "...".
[[nodiscard]] inline std::string render_diagnostic(const Error& e) {
    return e.diagnostic();
}

} // namespace capplan
