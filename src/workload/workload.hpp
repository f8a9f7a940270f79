#pragma once
// The validated workload (capplan-workload(5) KEYS): every key of the TOML file as a typed field in
// base units (seconds, bytes, per second, fractions in [0, 1], money in the workload's currency),
// with the default of capplan-workload(5) where the file is silent. Produced by load_workload
// (workload_file.hpp); read by tiers/ and never modified after loading.
//
// This aggregate reaches every section: include it only where the whole workload is read or
// built. A declaration that passes a Workload along needs workload_fwd.hpp; code that reads one
// section takes that section's header (db_section.hpp, ...), so a change to one section rebuilds
// only its readers.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "workload/blob_section.hpp"
#include "workload/budget_section.hpp"
#include "workload/cache_section.hpp"
#include "workload/catalogue.hpp"
#include "workload/cdn_section.hpp"
#include "workload/db_section.hpp"
#include "workload/failover_section.hpp"
#include "workload/growth_section.hpp"
#include "workload/lb_section.hpp"
#include "workload/logs_section.hpp"
#include "workload/queue_section.hpp"
#include "workload/sessions_section.hpp"
#include "workload/single_section.hpp"
#include "workload/slo_section.hpp"
#include "workload/source_pos.hpp"
#include "workload/stage_section.hpp"
#include "workload/traffic_section.hpp"
#include "workload/web_section.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::workload {

struct Workload {
    std::int64_t schema_version = 1;
    std::string name = "workload";
    std::string currency = "USD";
    // The file it came from: empty for the built-in default, "<stdin>" for standard input.
    std::string file;
    Growth growth;
    Traffic traffic;
    Slo slo;
    Single single;
    Web web;
    Lb lb;
    Db db;
    Cache cache;
    Blob blob;
    Cdn cdn;
    Queue queue;
    Sessions sessions;
    Logs logs;
    Failover failover;
    Stage stage;
    std::vector<Budget> budgets;
    // Instance types and price tables of the `[models]` table (merged over the catalogue by
    // merge_catalogue before check_instances).
    Catalogue models;
    // Position of every key the file set, by dotted path ("web.instance").
    std::map<std::string, SourcePos> positions;
};

} // namespace capplan::workload
