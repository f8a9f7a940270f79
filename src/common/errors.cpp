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
    : Error(message, ExitStatus::bad_input), m_file(std::move(file)), m_line(line),
      m_column(column), m_message(std::move(message)) {}

UsageError::UsageError(std::string flag, std::string message)
    : Error(message, ExitStatus::bad_input), m_flag(std::move(flag)),
      m_message(std::move(message)) {}

IoError::IoError(std::string file, std::string verb, std::string reason)
    : Error(reason, ExitStatus::bad_input), m_file(std::move(file)), m_verb(std::move(verb)),
      m_reason(std::move(reason)) {}

std::string InputError::diagnostic() const {
    const std::string file = safe_name(m_file);
    const std::string message = safe_message(m_message);
    if (m_line == 0) {
        return fmt::format("capplan: {}: error: {}", file, message);
    }
    if (m_column == 0) {
        return fmt::format("capplan: {}:{}: error: {}", file, m_line, message);
    }
    return fmt::format("capplan: {}:{}:{}: error: {}", file, m_line, m_column, message);
}

std::string UsageError::diagnostic() const {
    const std::string message = safe_message(m_message);
    if (m_flag.empty()) {
        return fmt::format("capplan: error: {}", message);
    }
    return fmt::format("capplan: {}: error: {}", safe_name(m_flag), message);
}

std::string IoError::diagnostic() const {
    return fmt::format("capplan: {}: error: {}: {}", safe_name(m_file), m_verb,
                       safe_message(m_reason));
}

} // namespace capplan
