#pragma once
// Did-you-mean suggestions by edit distance (Levenshtein, with a bound), as ninja does.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capplan {

// Levenshtein distance between a and b; stops early and returns max_distance + 1
// once every alignment exceeds max_distance.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b,
                                        std::size_t max_distance);

// The candidate closest to word, if one is within max(2, word.size() / 3) edits and fewer
// edits than the longer of the two has characters (so "x" suggests nothing, not "lb"); ties go
// to the earliest candidate.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

} // namespace capplan
