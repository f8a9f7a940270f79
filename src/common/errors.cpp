#include "common/errors.hpp"

#include <utility>

#include <fmt/format.h>

#include "common/printable.hpp"

namespace capplan {
namespace {

// The longest run of non-blank characters a message keeps whole (a longer key or value the
// user wrote is shortened around "...").
constexpr std::size_t k_max_word = 120;

std::string safe_name(const std::string& name) {
    return printable(name);
}

std::string safe_message(const std::string& message) {
    return shorten_long_words(printable(message), k_max_word);
}

} // namespace

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
    const std::string file = safe_name(e.file());
    const std::string message = safe_message(e.message());
    if (e.line() == 0) {
        return fmt::format("capplan: {}: error: {}", file, message);
    }
    if (e.column() == 0) {
        return fmt::format("capplan: {}:{}: error: {}", file, e.line(), message);
    }
    return fmt::format("capplan: {}:{}:{}: error: {}", file, e.line(), e.column(), message);
}

std::string render_diagnostic(const UsageError& e) {
    const std::string message = safe_message(e.message());
    if (e.flag().empty()) {
        return fmt::format("capplan: error: {}", message);
    }
    return fmt::format("capplan: {}: error: {}", safe_name(e.flag()), message);
}

std::string render_diagnostic(const IoError& e) {
    return fmt::format("capplan: {}: error: {}: {}", safe_name(e.file()), e.verb(),
                       safe_message(e.reason()));
}

} // namespace capplan
