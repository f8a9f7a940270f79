// `capplan models [KIND]`: list the catalogue (docs/models.md#catalogue), merged with --models DIR.

#include <algorithm>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "report/csv.hpp"
#include "report/numbers.hpp"
#include "report/text_table.hpp"
#include "report/value.hpp"
#include "units/human.hpp"
#include "workload/catalogue_file.hpp"

namespace capplan::cli {
namespace {

// KIND: "instances", "prices", or a name prefix ("db.r7g", "c7i").
bool wanted(const std::optional<std::string>& kind, const std::string& name, bool is_instance) {
    if (!kind) {
        return true;
    }
    if (*kind == "instances") {
        return is_instance;
    }
    if (*kind == "prices") {
        return !is_instance;
    }
    return name.rfind(*kind, 0) == 0;
}

// The instances KIND asks for, by family, then by size (vCPUs, memory), so db.r7g.2xlarge
// comes before db.r7g.16xlarge.
std::vector<const workload::Instance*> instances_of(const workload::Catalogue& cat,
                                                    const std::optional<std::string>& kind) {
    std::vector<const workload::Instance*> out;
    for (const auto& [name, i] : cat.instances) {
        if (wanted(kind, name, true)) {
            out.push_back(&i);
        }
    }
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
        return std::tie(a->family, a->vcpus, a->memory_bytes, a->name) <
               std::tie(b->family, b->vcpus, b->memory_bytes, b->name);
    });
    return out;
}

std::string render_table(const workload::Catalogue& cat, const std::optional<std::string>& kind) {
    std::string out;
    report::TextTable t;
    t.add_column("instance", report::Align::left);
    t.add_column("vCPUs", report::Align::right);
    t.add_column("cores x threads", report::Align::right);
    t.add_column("memory", report::Align::right);
    t.add_column("per hour", report::Align::right);
    t.add_column("source", report::Align::left);
    bool any = false;
    for (const workload::Instance* i : instances_of(cat, kind)) {
        t.add_row({i->name, fmt::format("{}", i->vcpus),
                   fmt::format("{} x {}", i->cores, i->threads_per_core),
                   units::human_bytes(i->memory_bytes), units::exact_number(i->hourly), i->source});
        any = true;
    }
    if (any) {
        out += t.render();
    }
    for (const auto& [name, p] : cat.price_tables) {
        if (!wanted(kind, name, false)) {
            continue;
        }
        out += fmt::format("{}price table {} ({}):", out.empty() ? "" : "\n", name, p.source);
        double from = 0.0;
        for (const auto& tier : p.tiers) {
            out += tier.up_to_gb ? fmt::format(" {}-{} GB {}/GB,", units::human_number(from),
                                               units::human_number(*tier.up_to_gb),
                                               units::exact_number(tier.per_gb))
                                 : fmt::format(" over {} GB {}/GB", units::human_number(from),
                                               units::exact_number(tier.per_gb));
            from = tier.up_to_gb.value_or(from);
        }
        if (p.per_10k_https_requests > 0.0 || p.per_10k_http_requests > 0.0) {
            out += fmt::format("; per 10k requests {} (HTTP), {} (HTTPS)",
                               units::exact_number(p.per_10k_http_requests),
                               units::exact_number(p.per_10k_https_requests));
        }
        out += "\n";
    }
    return out;
}

std::string render_json(const workload::Catalogue& cat, const std::optional<std::string>& kind) {
    using Json = nlohmann::ordered_json;
    Json instances = Json::array();
    for (const workload::Instance* i : instances_of(cat, kind)) {
        instances.push_back({{"name", i->name},
                             {"family", i->family},
                             {"vcpus", i->vcpus},
                             {"cores", i->cores},
                             {"threads_per_core", i->threads_per_core},
                             {"memory_bytes", report::json_value(i->memory_bytes)},
                             {"hourly", report::json_value(i->hourly)},
                             {"source", i->source}});
    }
    Json prices = Json::array();
    for (const auto& [name, p] : cat.price_tables) {
        if (!wanted(kind, name, false)) {
            continue;
        }
        Json tiers = Json::array();
        for (const auto& tier : p.tiers) {
            tiers.push_back({{"up_to_gb", tier.up_to_gb ? Json(*tier.up_to_gb) : Json(nullptr)},
                             {"per_gb", report::json_value(tier.per_gb)}});
        }
        prices.push_back({{"name", name},
                          {"tiers", tiers},
                          {"per_10k_http_requests", report::json_value(p.per_10k_http_requests)},
                          {"per_10k_https_requests", report::json_value(p.per_10k_https_requests)},
                          {"source", p.source}});
    }
    Json doc = {{"instances", instances}, {"price_tables", prices}};
    return doc.dump(2) + "\n";
}

std::string render_csv(const workload::Catalogue& cat, const std::optional<std::string>& kind) {
    using report::number_cell;
    using report::text_cell;
    std::string out = report::csv_record({text_cell("name"), text_cell("vcpus"), text_cell("cores"),
                                          text_cell("threads_per_core"), text_cell("memory_bytes"),
                                          text_cell("hourly"), text_cell("source")});
    for (const workload::Instance* i : instances_of(cat, kind)) {
        out +=
            report::csv_record({text_cell(i->name), number_cell(report::format_int(i->vcpus)),
                                number_cell(report::format_int(i->cores)),
                                number_cell(report::format_int(i->threads_per_core)),
                                number_cell(report::format_real(i->memory_bytes)),
                                number_cell(report::format_real(i->hourly)), text_cell(i->source)});
    }
    return out;
}

// The formats of models (capplan(1) OUTPUT), the default first.
using ModelsFormat =
    Format<std::string(const workload::Catalogue&, const std::optional<std::string>&)>;
const ModelsFormat k_formats[] = {
    {"table", render_table},
    {"json", render_json},
    {"csv", render_csv},
};

} // namespace

std::vector<std::string> models_formats() {
    return format_names(k_formats);
}

ExitStatus run_models(const ModelsOptions& o) {
    const workload::Catalogue cat = workload::load_catalogue(o.models_dir);
    const ModelsFormat& format = find_format(k_formats, o.output.format, "models");
    const std::string text = format.render(cat, o.kind);
    // Nothing matched: no text, or the CSV header alone.
    if (text.empty() || (format.name == "csv" && text.find("\r\n") == text.size() - 2)) {
        if (o.kind) {
            throw UsageError("", fmt::format("models: nothing matches '{}' (use instances, "
                                             "prices or a name prefix such as db.r7g)",
                                             *o.kind));
        }
    }
    write_output(text, o.output.output_file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
