// The bill as line items (docs/models.md#cost). See bill.hpp.

#include "tiers/bill.hpp"

#include <stdexcept>

namespace capplan::tiers {

std::string_view group_name(BillGroup g) noexcept {
    switch (g) {
    case BillGroup::lb:
        return "lb";
    case BillGroup::web:
        return "web";
    case BillGroup::db:
        return "db";
    case BillGroup::cache:
        return "cache";
    case BillGroup::blob:
        return "blob";
    case BillGroup::cdn:
        return "cdn";
    case BillGroup::queue:
        return "queue";
    case BillGroup::sessions:
        return "sessions";
    case BillGroup::logs:
        return "logs";
    case BillGroup::network:
        return "network";
    }
    return "?";
}

std::string_view kind_name(CostKind k) noexcept {
    switch (k) {
    case CostKind::instance:
        return "instance";
    case CostKind::storage:
        return "storage";
    case CostKind::requests:
        return "requests";
    case CostKind::egress:
        return "egress";
    case CostKind::transfer:
        return "transfer";
    case CostKind::ingest:
        return "ingest";
    case CostKind::series:
        return "series";
    }
    return "?";
}

std::string_view unit_name(BillUnit u) noexcept {
    switch (u) {
    case BillUnit::instance_hours:
        return "instance-hour";
    case BillUnit::gb_months:
        return "GB-month";
    case BillUnit::gb:
        return "GB";
    case BillUnit::requests:
        return "request";
    case BillUnit::series_months:
        return "series-month";
    }
    return "?";
}

void throw_bill_full() {
    throw std::logic_error("a bill has more lines than its capacity");
}

double sum_of(std::span<const BillLine> lines) noexcept {
    double sum = 0.0;
    for (const BillLine& line : lines) {
        sum += line.monthly_cost;
    }
    return sum;
}

double group_sum(std::span<const BillLine> lines, BillGroup g) noexcept {
    double sum = 0.0;
    for (const BillLine& line : lines) {
        if (line.group == g) {
            sum += line.monthly_cost;
        }
    }
    return sum;
}

double kind_sum(std::span<const BillLine> lines, CostKind k) noexcept {
    double sum = 0.0;
    for (const BillLine& line : lines) {
        if (line.kind == k) {
            sum += line.monthly_cost;
        }
    }
    return sum;
}

std::array<double, k_bill_groups> group_sums(std::span<const BillLine> lines) noexcept {
    std::array<double, k_bill_groups> groups{};
    for (const BillLine& line : lines) {
        groups[static_cast<std::size_t>(line.group)] += line.monthly_cost;
    }
    return groups;
}

double total_of(const std::array<double, k_bill_groups>& groups) noexcept {
    double sum = 0.0;
    for (const double g : groups) {
        sum += g;
    }
    return sum;
}

} // namespace capplan::tiers
