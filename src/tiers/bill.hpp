#pragma once
// The bill as line items (docs/models.md#cost): each tier reports what it costs as lines —
// which group of metrics it belongs to, what kind of charge, how much of what unit at what
// price — and every monthly cost the plan reports is a sum of lines taken here: a tier's own
// cost (Bill::monthly_cost), a group's GROUP.monthly_cost (Bill::group_cost) and
// total.monthly_cost (Bill::total). One line's cost is computed by its tier's bill function
// (tiers/db.hpp db_bill, ...); nothing else adds costs up.
//
// The sums keep one order: a group's lines in the order its tier added them, the total over
// the groups in BillGroup's order (machine output prints the shortest round-trip double, so
// the order of addition shows in the last digit).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace capplan::tiers {

// The groups of the bill, in the order total.monthly_cost adds them. Each but `network` is the
// metric group whose GROUP.monthly_cost sums its lines; `network` (internet egress and
// cross-centre transfer) is in the total and in no group's metric.
enum class BillGroup : std::uint8_t {
    lb,
    web,
    db,
    cache,
    blob,
    cdn,
    queue,
    sessions,
    logs,
    network
};
inline constexpr std::size_t k_bill_groups = 10;

// What a line pays for.
enum class CostKind : std::uint8_t {
    instance, // servers, billed by the hour
    storage,  // bytes kept, billed per GB-month
    requests, // requests billed per thousand or ten thousand
    egress,   // bytes sent to the internet or by the CDN, billed per GB (tiered)
    transfer, // bytes between data centres or from an origin, billed per GB
    ingest,   // log bytes taken in, billed per GB
    series,   // metric series kept, billed per series-month
};

// The unit of a line's quantity (and of its unit price: currency per unit).
enum class BillUnit : std::uint8_t { instance_hours, gb_months, gb, requests, series_months };

// One charge. A trivial type (a bill keeps its unused slots uninitialised): brace-initialise it.
struct BillLine {
    BillGroup group;
    CostKind kind;
    BillUnit unit;
    double quantity;     // per month, ≥ 0
    double unit_price;   // currency per unit; a tiered table's mean price over the quantity
    double monthly_cost; // as its tier computes it (≈ quantity · unit_price)
};

[[nodiscard]] std::string_view group_name(BillGroup g) noexcept;
[[nodiscard]] std::string_view kind_name(CostKind k) noexcept;
[[nodiscard]] std::string_view unit_name(BillUnit u) noexcept;

// The sums, in the lines' order (the bills below call them).
[[nodiscard]] double sum_of(std::span<const BillLine> lines) noexcept;
[[nodiscard]] double group_sum(std::span<const BillLine> lines, BillGroup g) noexcept;
[[nodiscard]] double kind_sum(std::span<const BillLine> lines, CostKind k) noexcept;
// Each group's sum, indexed by BillGroup.
[[nodiscard]] std::array<double, k_bill_groups>
group_sums(std::span<const BillLine> lines) noexcept;
// Σ over the groups in BillGroup's order of each group's sum.
[[nodiscard]] double total_of(const std::array<double, k_bill_groups>& groups) noexcept;
[[noreturn]] void throw_bill_full();

// At most N lines, without allocation (a plan point is sized thousands of times): a tier's own
// lines (TierBill) or a point's (Bill).
template <std::size_t N>
class BasicBill {
public:
    static constexpr std::size_t k_capacity = N;

    // User-provided, so that value-initialising a result that holds a bill does not zero its
    // unused slots (a plan point is sized thousands of times).
    BasicBill() noexcept {
    } // NOLINT(modernize-use-equals-default, cppcoreguidelines-pro-type-member-init)

    // Adds a line and returns its cost; throws std::logic_error beyond N (a defect: raise N).
    double add(const BillLine& line) {
        if (m_count == N) {
            throw_bill_full();
        }
        m_lines[m_count++] = line;
        return line.monthly_cost;
    }
    // Adds a line priced by a tiered table (its unit price: the mean, monthly_cost / quantity,
    // 0 when the quantity is 0) and returns its cost.
    double add_tiered(BillGroup group, CostKind kind, BillUnit unit, double quantity,
                      double monthly_cost) {
        return add({group, kind, unit, quantity, quantity > 0.0 ? monthly_cost / quantity : 0.0,
                    monthly_cost});
    }
    // Adds every line of `other`, in order.
    template <std::size_t M>
    void append(const BasicBill<M>& other) {
        for (const BillLine& line : other.lines()) {
            add(line);
        }
    }

    [[nodiscard]] std::span<const BillLine> lines() const noexcept {
        return {m_lines.data(), m_count};
    }
    // Σ of every line, in order (a tier's own bill).
    [[nodiscard]] double monthly_cost() const noexcept { return sum_of(lines()); }
    // Σ of the lines of `g`, in order.
    [[nodiscard]] double group_cost(BillGroup g) const noexcept { return group_sum(lines(), g); }
    // Σ of the lines of kind `k`, in order.
    [[nodiscard]] double kind_cost(CostKind k) const noexcept { return kind_sum(lines(), k); }
    // Σ over the groups in BillGroup's order of each group's sum.
    [[nodiscard]] double total() const noexcept { return total_of(group_sums(lines())); }

private:
    std::array<BillLine, N> m_lines; // the first m_count are set
    std::size_t m_count = 0;
};

using TierBill = BasicBill<8>; // one tier's lines
using Bill = BasicBill<24>;    // a plan point's lines

} // namespace capplan::tiers
