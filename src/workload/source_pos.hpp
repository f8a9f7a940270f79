#pragma once
// SourcePos: where a workload value came from, for diagnostics raised after loading.

#include <cstdint>

namespace capplan::workload {

// Where a value came from, for diagnostics raised after loading (an unknown instance name, a
// budget on an unknown metric). line/column are 1-based; 0 = unknown (a default, --set).
// from_set marks a value given by `--set` (its diagnostics name `--set`, not the file).
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool from_set = false;

    bool operator==(const SourcePos&) const = default;
};

} // namespace capplan::workload
