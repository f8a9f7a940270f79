#pragma once
// Reading TOML input files with positions: guarded parsing and typed value readers that throw
// capplan::InputError(file, line, column, message) for every bad input (capplan(1) DIAGNOSTICS,
// capplan-workload(5) UNITS).
//
// toml++ 3.3 traps handled here: files over 1 MiB and keys with more
// than 64 dotted parts are refused before parsing (the parser recurses per part); `nan`, `inf`
// and dates parse as valid values, so every reader checks type and finiteness.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <utility>
#include <vector>

namespace capplan::workload {

inline constexpr std::size_t k_max_toml_bytes = std::size_t{1} << 20;
inline constexpr std::size_t k_max_key_parts = 64;
// The diagnostic for an input over k_max_toml_bytes (here and where files are read).
inline constexpr std::string_view k_file_too_large =
    "file is larger than 1 MiB, the limit for capplan's input files";

class TomlReader {
public:
    // display_name names the file in diagnostics (a path or "<stdin>").
    explicit TomlReader(std::string display_name);

    // Parses text after the size and dotted-key guards; a syntax error becomes an InputError at
    // its position with the message "invalid TOML: ...".
    [[nodiscard]] toml::table parse(std::string_view text) const;

    // Throws InputError at the start of `where` (line/column 0 when unknown).
    [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const;
    [[noreturn]] void fail_at(const toml::node& where, const std::string& message) const;

    // Refuses any key of `table` not in `allowed`: "unknown key 'K' in CONTEXT; did you mean
    // 'X'?" at the key.
    void check_keys(const toml::table& table, const std::vector<std::string>& allowed,
                    const std::string& context) const;

    // A finite TOML integer or float. `what` names the value in messages ("station 'cpu'
    // visits").
    [[nodiscard]] double number(const toml::node& node, const std::string& what) const;
    // A TOML integer (floats, even 3.0, are refused).
    [[nodiscard]] std::int64_t integer(const toml::node& node, const std::string& what) const;
    [[nodiscard]] bool boolean(const toml::node& node, const std::string& what) const;
    [[nodiscard]] std::string string(const toml::node& node, const std::string& what) const;
    // A duration in seconds: a number (seconds) or a string with a unit ("10ms", "5min").
    [[nodiscard]] double duration_s(const toml::node& node, const std::string& what) const;
    // A rate per second: a number (per second) or a string with a unit ("3/s", "54k/min").
    [[nodiscard]] double rate_per_s(const toml::node& node, const std::string& what) const;
    // A size in bytes: a string with a unit ("600KB", "2GiB"; units::parse_size_bytes), or, when
    // allow_bare_bytes, a plain number of bytes.
    [[nodiscard]] double size_bytes(const toml::node& node, const std::string& what,
                                    bool allow_bare_bytes) const;
    // A probability in [0, 1]: a number or a percentage string ("30%").
    [[nodiscard]] double ratio(const toml::node& node, const std::string& what) const;

    [[nodiscard]] const std::string& display_name() const noexcept { return m_display_name; }

private:
    void check_dotted_keys(std::string_view text) const;
    [[noreturn]] void wrong_type(const toml::node& node, const std::string& what,
                                 const std::string& expected) const;

    std::string m_display_name;
};

// The entries of a table in the order they appear in the file (toml++ iterates tables sorted
// by key), so that the first problem reported is the first one in the file.
[[nodiscard]] std::vector<std::pair<const toml::key*, const toml::node*>>
in_source_order(const toml::table& table);

// "a string", "an integer", "a date", ... for messages.
[[nodiscard]] std::string describe_type(const toml::node& node);

} // namespace capplan::workload
