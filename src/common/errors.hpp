#pragma once
// Typed errors thrown inside capplan and caught once, in cli/main.cpp, which
// prints one diagnostic line and returns the exit status of capplan(1) EXIT STATUS.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace capplan {

// A problem in an input file: rendered `capplan: FILE:LINE:COL: error: MESSAGE`.
// line and column are 1-based; 0 means unknown (then omitted from the message).
class InputError : public std::runtime_error {
public:
    InputError(std::string file, std::uint32_t line, std::uint32_t column, std::string message);
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] std::uint32_t line() const noexcept { return m_line; }
    [[nodiscard]] std::uint32_t column() const noexcept { return m_column; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }

private:
    std::string m_file;
    std::uint32_t m_line;
    std::uint32_t m_column;
    std::string m_message;
};

// A bad command-line flag or value: rendered `capplan: --FLAG: error: MESSAGE`.
// flag is written as the user would type it (`--arrival`); empty for the command line as a whole.
class UsageError : public std::runtime_error {
public:
    UsageError(std::string flag, std::string message);
    [[nodiscard]] const std::string& flag() const noexcept { return m_flag; }
    [[nodiscard]] const std::string& message() const noexcept { return m_message; }

private:
    std::string m_flag;
    std::string m_message;
};

// A file that cannot be read or written: rendered `capplan: FILE: error: cannot open: REASON`
// (or `cannot write:`), exit status 2.
class IoError : public std::runtime_error {
public:
    IoError(std::string file, std::string verb, std::string reason);
    [[nodiscard]] const std::string& file() const noexcept { return m_file; }
    [[nodiscard]] const std::string& verb() const noexcept { return m_verb; }
    [[nodiscard]] const std::string& reason() const noexcept { return m_reason; }

private:
    std::string m_file;
    std::string m_verb;
    std::string m_reason;
};

// The rendered diagnostic line (without the trailing newline) for each error kind. It is always
// one line of valid UTF-8: control characters and bytes that are not UTF-8 in the file name,
// the flag and the message are escaped (common/printable.hpp), and a word of the message longer
// than 120 characters (a runaway key or value echoed back) is shortened around "...".
[[nodiscard]] std::string render_diagnostic(const InputError& e);
[[nodiscard]] std::string render_diagnostic(const UsageError& e);
[[nodiscard]] std::string render_diagnostic(const IoError& e);

} // namespace capplan
