#pragma once
// The [cdn] section (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>

namespace capplan::workload {

enum class RequestScheme { http, https };

struct Cdn {
    std::string pricing = "cloudfront-2024";
    RequestScheme request_scheme = RequestScheme::https;
    double hit_ratio = 0.95;
    double origin_fetch_per_gb = 0.0;
    std::string egress_pricing = "aws-internet-2024";

    bool operator==(const Cdn&) const = default;
};

} // namespace capplan::workload
