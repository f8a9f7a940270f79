#pragma once
// Reading one value of the workload file by its kind (workload_schema.hpp ValueKind), with the
// key's range; every problem throws InputError at the value. Internal to workload/.

#include <cstddef>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "units/users.hpp"
#include "workload/stepped.hpp"
#include "workload/toml_read.hpp"
#include "workload/workload_schema.hpp"

namespace capplan::workload {

class ValueReader {
public:
    explicit ValueReader(const TomlReader& reader) : m_reader(reader) {}

    // A number of a numeric kind (count, integer, number, money, ratio, duration, size, rate)
    // in base units, inside spec.bounds. `what` names the value ("web.cpu_time").
    [[nodiscard]] double read_number(const KeySpec& spec, const toml::node& node,
                                     const std::string& what) const;
    // A text, currency or name: non-empty, at most 200 characters, no control characters.
    [[nodiscard]] std::string read_text(const KeySpec& spec, const toml::node& node,
                                        const std::string& what) const;
    // A list of names: one string, or an array of up to 32 strings, each a text as read_text.
    [[nodiscard]] std::vector<std::string> read_names(const KeySpec& spec, const toml::node& node,
                                                      const std::string& what) const;
    // The index of the choice in spec.choices (did-you-mean when unknown).
    [[nodiscard]] std::size_t read_choice(const KeySpec& spec, const toml::node& node,
                                          const std::string& what) const;
    // A plain value or a step table { USERS = VALUE, ... } (1 to 100 steps, distinct keys in
    // [0, 10^12]), sorted by key.
    [[nodiscard]] Stepped<double> read_stepped(const KeySpec& spec, const toml::node& node,
                                               const std::string& what) const;
    // User counts: a number, a string (units::parse_users) or an array of counts.
    [[nodiscard]] units::UserSpec read_users(const toml::node& node, const std::string& what) const;

private:
    void check_bounds(const KeySpec& spec, const toml::node& node, double x,
                      const std::string& what) const;

    const TomlReader& m_reader;
};

} // namespace capplan::workload
