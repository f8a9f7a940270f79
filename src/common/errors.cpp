#include "common/errors.hpp"

#include <utility>

#include <fmt/format.h>

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
    if (e.line() == 0) {
        return fmt::format("capplan: {}: error: {}", e.file(), e.message());
    }
    if (e.column() == 0) {
        return fmt::format("capplan: {}:{}: error: {}", e.file(), e.line(), e.message());
    }
    return fmt::format("capplan: {}:{}:{}: error: {}", e.file(), e.line(), e.column(),
                       e.message());
}

std::string render_diagnostic(const UsageError& e) {
    if (e.flag().empty()) {
        return fmt::format("capplan: error: {}", e.message());
    }
    return fmt::format("capplan: {}: error: {}", e.flag(), e.message());
}

std::string render_diagnostic(const IoError& e) {
    return fmt::format("capplan: {}: error: {}: {}", e.file(), e.verb(), e.reason());
}

} // namespace capplan
