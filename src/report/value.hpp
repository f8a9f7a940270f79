#pragma once
// A reported value and its machine and human renderings, shared by every format so that
// json, csv, table and --get cannot drift apart (compute once, render many).

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json_fwd.hpp> // json_value returns one; its users include json.hpp

namespace capplan::report {

// null is for a value with no finite answer (it always comes with a warning).
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string>;

// A warning that comes with a result: printed on stderr, listed in JSON.
struct Warning {
    std::string code;    // short word: "saturated", ...
    std::string message; // one line for people
};

// A real value, or null when it is not finite.
[[nodiscard]] Value real_or_null(double x);

// The machine form (capplan(1) DESCRIPTION): integers as integers, shortest round-trip reals,
// `true`/`false`, text as is; null as `null_text`.
[[nodiscard]] std::string machine_text(const Value& v, const std::string& null_text);

// The JSON form: numbers, booleans, strings, null; -0 folded to 0.
[[nodiscard]] nlohmann::ordered_json json_value(const Value& v);

// The number an integer or real holds; nullopt for null, booleans and text.
[[nodiscard]] std::optional<double> as_number(const Value& v);

// True when the value is text (for the CSV formula guard).
[[nodiscard]] bool is_text(const Value& v);

} // namespace capplan::report
