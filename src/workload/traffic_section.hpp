#pragma once
// The [traffic] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

namespace capplan::workload {

struct Traffic {
    double daily_active = 0.30;
    double requests_per_active_user = 200.0;
    double peak_to_average = 3.0;
    double trough_to_average = 0.3;
    double arrival_cv = 1.0;
    double write_fraction = 0.05;
    double page_view_fraction = 0.25;
    double static_bytes_per_page_view = 1.5e6;
    double static_requests_per_page_view = 10.0;
    double response_bytes = 8e3;
    double sessions_per_active_user = 1.0;
    double session_length_s = 900.0;
    double session_ttl_s = 1800.0;
    double session_bytes = 2e3;
    double async_jobs_per_active_user = 0.5;
    double db_bytes_per_user = 20e3;
    double blob_bytes_per_user = 5e6;

    bool operator==(const Traffic&) const = default;
};

} // namespace capplan::workload
