#include "common/errors.hpp"

#include <utility>

namespace capplan {

InputError::InputError(std::string file, std::uint32_t line, std::uint32_t column,
                       std::string message)
    : std::runtime_error(message), m_file(std::move(file)), m_line(line), m_column(column),
      m_message(std::move(message)) {}

UsageError::UsageError(std::string flag, std::string message)
    : std::runtime_error(message), m_flag(std::move(flag)), m_message(std::move(message)) {}

IoError::IoError(std::string file, std::string verb, std::string reason)
    : std::runtime_error(reason), m_file(std::move(file)), m_verb(std::move(verb)),
      m_reason(std::move(reason)) {}

std::string render_diagnostic(const InputError& e) {
    std::string out = "capplan: " + e.file();
    if (e.line() > 0) {
        out += ":" + std::to_string(e.line());
        if (e.column() > 0) {
            out += ":" + std::to_string(e.column());
        }
    }
    return out + ": error: " + e.message();
}

std::string render_diagnostic(const UsageError& e) {
    if (e.flag().empty()) {
        return "capplan: error: " + e.message();
    }
    return "capplan: " + e.flag() + ": error: " + e.message();
}

std::string render_diagnostic(const IoError& e) {
    return "capplan: " + e.file() + ": error: " + e.verb() + ": " + e.reason();
}

} // namespace capplan
