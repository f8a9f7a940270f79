#include "common/edit_distance.hpp"

#include <algorithm>
#include <numeric>

namespace capplan {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
    // One row of the dynamic-programming table at a time; row[j] is the distance
    // between the first i characters of a and the first j of b.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j - 1] + 1, up + 1, diagonal + cost});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > max_distance) {
            return max_distance + 1;
        }
    }
    return std::min(row[b.size()], max_distance + 1);
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate, limit);
        // A candidate that shares no character position with the word (every one replaced,
        // "x" → "lb") is a different word, not a typo of it.
        if (d < best_distance && d < std::max(word.size(), candidate.size())) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

} // namespace capplan
