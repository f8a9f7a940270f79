#pragma once
// SizeRule: how the database's instance size may change from the size the growth path holds
// (DbInputs::size_rule in tiers/db.hpp, SizingContext::Hold in planner/sizing.hpp).

#include <cstdint>

namespace capplan::tiers {

// `cheapest`: the cheapest size on which every limit holds; `keep`: the held size while every
// limit holds on it, unless a larger one saves at least the stage's minimum saving; `pinned`:
// the held size whatever it breaks (tiers/db.hpp DbInputs::size_rule says it in full).
enum class SizeRule : std::uint8_t { cheapest, keep, pinned };

} // namespace capplan::tiers
