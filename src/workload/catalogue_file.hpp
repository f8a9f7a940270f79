#pragma once
// Reading the catalogue (capplan-workload(5) CATALOGUE): the embedded models/ files, then the
// *.toml files of
// --models DIR, then a workload's `[models]` table. Format (capplan-workload(5), CATALOGUE):
//
//   source = "AWS EC2 on-demand pricing"   file only, required: where the numbers come from
//   date = "2024-06"                       file only, required: when they were taken
//   [instance."c7i.large"]                 one table per instance type
//   vcpus = 2                              integer 1..4096
//   cores = 1                              integer ≥ 1; cores × threads_per_core = vcpus
//   threads_per_core = 2                   integer 1..8
//   memory = "4GiB"                        a size with a unit, > 0
//   hourly = 0.08925                       currency per hour, ≥ 0
//   [price_table.cloudfront-2024]          one table per tiered per-GB price list
//   per_10k_http_requests = 0.0075         optional, default 0
//   per_10k_https_requests = 0.0100        optional, default 0
//   tiers = [{ up_to_tb = 10, per_gb = 0.085 }, ..., { per_gb = 0.020 }]
//
// Tiers are cumulative and ascending; only the last may (and should) omit up_to_tb; a TB is
// 1024 GB and a GB 2^30 bytes. A later definition of a name replaces the earlier one whole.

#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "workload/catalogue.hpp"
#include "workload/toml_read.hpp"

namespace capplan::workload {

// Names that keys use as keywords and no instance may take.
inline constexpr std::string_view k_auto_instance = "auto";
inline constexpr std::string_view k_managed_broker = "managed";

// Reads the instance and price_table entries of `table` into `into`, replacing entries of the
// same name. With is_file the table is a whole catalogue file (`source` and `date` required,
// recorded in into.sources under source_name); otherwise it is a workload's [models] table
// (`source`, `date` optional). Each entry's source is source_name. Throws InputError at the bad
// key or value.
void read_catalogue(const TomlReader& reader, const toml::table& table, bool is_file,
                    const std::string& source_name, Catalogue& into);

// One catalogue file's text; display_name names it in diagnostics.
[[nodiscard]] Catalogue parse_catalogue(std::string_view text, const std::string& display_name);

// Entries of `from` replace or extend those of `into` (instances, price tables, sources).
void merge_catalogue(Catalogue& into, const Catalogue& from);

// The embedded models/ files, then, with models_dir, every *.toml in it (sorted by name; same
// name overrides, new names extend). A missing or unreadable directory or file throws IoError;
// a bad file InputError with its position ("DIR/FILE.toml:LINE:COL").
[[nodiscard]] Catalogue load_catalogue(const std::optional<std::string>& models_dir);

} // namespace capplan::workload
