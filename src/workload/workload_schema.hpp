#pragma once
// The keys of the workload file (capplan-workload(5) KEYS) as one table: section, key, kind of
// value, valid range and the Workload field it fills. The loader, `--set` and the tests read this
// table, so that the keys the file accepts, the keys `--set` knows and their checks cannot drift
// apart. `users`, `growth.*`, `[[budget]]` and `[models]` have their own readers
// (workload_file.cpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "workload/cdn_section.hpp"
#include "workload/failover_section.hpp"
#include "workload/stepped.hpp"
#include "workload/web_section.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::workload {

// How a value is written (capplan-workload(5), UNITS).
enum class ValueKind {
    text,                 // a non-empty string (name)
    currency,             // three capital letters (ISO 4217)
    instance,             // a catalogue name, checked by check_instances
    price_table,          // a price table name, checked by check_instances
    choice,               // one of `choices`
    boolean,              // true or false
    integer,              // a TOML integer or an integral count string ("10k")
    integer_or_unlimited, // an integer, or "unlimited" (stored as 0)
    count,                // a non-negative number or a count string ("250k", "1.5M")
    number,               // a plain number
    money,                // a plain number in the workload's currency
    ratio,                // a number in [0, 1] or a percentage string ("30%")
    ratio_or_auto,        // "auto" or a ratio
    duration,             // a string with a unit ("15ms"); bare numbers are refused
    size,                 // a string with a unit ("600KB", "2GiB") or a number of bytes
    rate,                 // a string with a unit ("5000/s"); bare numbers are refused
    names,                // a list of names, or one name (`[stage] require`)
};

// A closed or open interval of valid values, in base units.
struct Bounds {
    double lo = 0.0;
    double hi = 0.0;
    bool lo_open = false;
    bool hi_open = false;
};

// The Workload field a key fills. A Stepped field takes a plain value or a step table
// (capplan-workload(5) `[slo]`); an optional field is nullopt for "auto"; an enum field takes the
// index of the choice.
using FieldRef =
    std::variant<double& (*)(Workload&), std::int64_t& (*)(Workload&), std::string& (*)(Workload&),
                 bool& (*)(Workload&), Stepped<double>& (*)(Workload&),
                 std::optional<double>& (*)(Workload&), Balancing& (*)(Workload&),
                 RequestScheme& (*)(Workload&), FailoverScope& (*)(Workload&),
                 PoolUp& (*)(Workload&), std::vector<std::string>& (*)(Workload&)>;

struct KeySpec {
    std::string_view section; // "" for a top-level key
    std::string_view key;
    ValueKind kind;
    Bounds bounds;
    FieldRef field;
    std::vector<std::string_view> choices = {}; // ValueKind::choice, in enum order

    // "traffic.daily_active", or "name" at the top level.
    [[nodiscard]] std::string path() const;
    // Whether a --set bare word may be taken as a string for this key.
    [[nodiscard]] bool accepts_string() const noexcept;
    // Whether only a string is valid (a parsed non-string --set value is taken as its text).
    [[nodiscard]] bool string_only() const noexcept;
};

// Every key of capplan-workload(5) KEYS except users, growth.*, [[budget]] and [models], in file
// order.
[[nodiscard]] const std::vector<KeySpec>& workload_keys();

// The spec of a dotted path ("web.instance"), or nullptr.
[[nodiscard]] const KeySpec* find_key(std::string_view path);

// The table names of the workload file in file order ("growth", "traffic", ..., "stage"),
// without "budget" and "models".
[[nodiscard]] const std::vector<std::string>& workload_sections();

// Every dotted path a workload can set, including "users", "growth.users" and
// "growth.per_decade": the candidates of --set's did-you-mean.
[[nodiscard]] std::vector<std::string> workload_paths();

} // namespace capplan::workload
