#pragma once
// `--set KEY=VALUE` (capplan-workload(5) OVERRIDES): overrides applied to a parsed workload table
// before validation, so that the same checks run on them. Internal to workload/ (used by
// workload_file.cpp).

#include <map>
#include <string>
#include <vector>

#include <toml++/toml.h>

namespace capplan::workload {

inline constexpr std::size_t k_max_set_value = 4096;

// Applies each "KEY=VALUE" in order to `root` (a later one for the same key wins). KEY is a
// dotted path of workload_paths(); `users` and `growth.users` name the same value (whichever
// the file uses, else the top-level key). VALUE is read as a TOML value (`x = VALUE`); for a
// key that takes strings, a VALUE that is not TOML is taken as a string, and for a string-only
// key (names, choices) any unquoted VALUE is its text. Returns, by canonical dotted path, the
// argument that set it. Throws UsageError("--set", ...) for a missing '=', an unknown key
// (with a did-you-mean) or a VALUE that is not a value.
[[nodiscard]] std::map<std::string, std::string>
apply_set_overrides(toml::table& root, const std::vector<std::string>& overrides);

} // namespace capplan::workload
