// Catalogue files and the [models] table (format in catalogue_file.hpp).

#include "workload/catalogue_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "common/errors.hpp"
#include "common/printable.hpp"
#include "units/human.hpp"
#include "workload/embedded.hpp"

namespace capplan::workload {
namespace {

constexpr double k_gb_per_tb = 1024.0;
constexpr std::int64_t k_max_vcpus = 4096;
constexpr std::int64_t k_max_threads_per_core = 8;
constexpr std::size_t k_max_name = 64;
constexpr double k_max_price = 1e9;

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > k_max_name) {
        return false;
    }
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '-' || c == '_';
    });
}

// The family of an instance: its name up to the last '.' ("db.r7g.large" → "db.r7g").
std::string family_of(const std::string& name) {
    const std::size_t dot = name.rfind('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

class CatalogueReader {
public:
    CatalogueReader(const TomlReader& reader, const std::string& source_name, Catalogue& into)
        : m_reader(reader), m_source(source_name), m_into(into) {}

    void read(const toml::table& table, bool is_file) {
        if (is_file) {
            m_reader.check_keys(table, {"source", "date", "instance", "price_table"},
                                "a catalogue file");
        } else {
            m_reader.check_keys(table, {"source", "date", "instance", "price_table"}, "[models]");
        }
        std::string header;
        for (const char* key : {"source", "date"}) {
            const toml::node* node = table.get(key);
            if (node == nullptr) {
                if (is_file) {
                    throw InputError(
                        m_reader.display_name(), 0, 0,
                        fmt::format("a catalogue file must say its '{}' (a string)", key));
                }
                continue;
            }
            const std::string value = m_reader.string(*node, key);
            if (value.empty()) {
                m_reader.fail_at(*node, fmt::format("'{}' must not be empty", key));
            }
            header += header.empty() ? value : fmt::format(" ({})", value);
        }
        if (!header.empty()) {
            m_into.sources[m_source] = header;
        }
        if (const toml::node* node = table.get("instance")) {
            for (const auto& [key, value] : in_source_order(table_of(*node, "instance"))) {
                read_instance(*key, *value);
            }
        }
        if (const toml::node* node = table.get("price_table")) {
            for (const auto& [key, value] : in_source_order(table_of(*node, "price_table"))) {
                read_price_table(*key, *value);
            }
        }
    }

private:
    // `what` is a key ("instance", quoted in the message) or a description ("instance 'x'").
    const toml::table& table_of(const toml::node& node, const std::string& what) const {
        const toml::table* t = node.as_table();
        if (t == nullptr) {
            const bool key = what.find(' ') == std::string::npos;
            m_reader.fail_at(node, fmt::format("{} must be a table, not {}",
                                               key ? fmt::format("'{}'", what) : what,
                                               describe_type(node)));
        }
        return *t;
    }

    void check_name(const toml::key& key, const std::string& what) const {
        const std::string name(key.str());
        if (!valid_name(name)) {
            m_reader.fail(key.source(),
                          fmt::format("{} name '{}' must be 1 to {} letters, digits, '.', '-' "
                                      "or '_'",
                                      what, name, k_max_name));
        }
    }

    std::int64_t integer_in(const toml::node& node, const std::string& what, std::int64_t lo,
                            std::int64_t hi) const {
        const std::int64_t x = m_reader.integer(node, what);
        if (x < lo || x > hi) {
            m_reader.fail_at(node, fmt::format("{} must be between {} and {}", what, lo, hi));
        }
        return x;
    }

    double price(const toml::node& node, const std::string& what) const {
        const double x = m_reader.number(node, what);
        if (x < 0.0 || x > k_max_price) {
            m_reader.fail_at(node, fmt::format("{} must be between 0 and {}", what,
                                               units::exact_number(k_max_price)));
        }
        return x;
    }

    const toml::node& required(const toml::table& t, const toml::key& owner, const char* key,
                               const std::string& what) const {
        const toml::node* node = t.get(key);
        if (node == nullptr) {
            m_reader.fail(owner.source(), fmt::format("{} needs '{}'", what, key));
        }
        return *node;
    }

    void read_instance(const toml::key& key, const toml::node& node) {
        check_name(key, "instance");
        const std::string name(key.str());
        if (name == k_auto_instance || name == k_managed_broker) {
            m_reader.fail(key.source(),
                          fmt::format("'{}' is a keyword and cannot name an instance", name));
        }
        const std::string what = fmt::format("instance '{}'", name);
        const toml::table& t = table_of(node, what);
        m_reader.check_keys(t, {"vcpus", "cores", "threads_per_core", "memory", "hourly"}, what);
        Instance instance;
        instance.name = name;
        instance.family = family_of(name);
        instance.source = m_source;
        instance.vcpus =
            integer_in(required(t, key, "vcpus", what), what + " vcpus", 1, k_max_vcpus);
        instance.cores =
            integer_in(required(t, key, "cores", what), what + " cores", 1, k_max_vcpus);
        instance.threads_per_core =
            integer_in(required(t, key, "threads_per_core", what), what + " threads_per_core", 1,
                       k_max_threads_per_core);
        if (instance.cores * instance.threads_per_core != instance.vcpus) {
            m_reader.fail_at(*t.get("cores"),
                             fmt::format("{}: cores × threads_per_core = {} × {} must equal "
                                         "vcpus = {}",
                                         what, instance.cores, instance.threads_per_core,
                                         instance.vcpus));
        }
        const toml::node& memory = required(t, key, "memory", what);
        instance.memory_bytes = m_reader.size_bytes(memory, what + " memory", false);
        if (!(instance.memory_bytes > 0.0)) {
            m_reader.fail_at(memory, what + " memory must be greater than 0");
        }
        instance.hourly = price(required(t, key, "hourly", what), what + " hourly");
        m_into.instances[name] = instance;
    }

    void read_price_table(const toml::key& key, const toml::node& node) {
        check_name(key, "price table");
        const std::string name(key.str());
        const std::string what = fmt::format("price table '{}'", name);
        const toml::table& t = table_of(node, what);
        m_reader.check_keys(t, {"tiers", "per_10k_http_requests", "per_10k_https_requests"}, what);
        PriceTable table;
        table.name = name;
        table.source = m_source;
        if (const toml::node* n = t.get("per_10k_http_requests")) {
            table.per_10k_http_requests = price(*n, what + " per_10k_http_requests");
        }
        if (const toml::node* n = t.get("per_10k_https_requests")) {
            table.per_10k_https_requests = price(*n, what + " per_10k_https_requests");
        }
        const toml::node& tiers_node = required(t, key, "tiers", what);
        const toml::array* tiers = tiers_node.as_array();
        if (tiers == nullptr || tiers->empty()) {
            m_reader.fail_at(tiers_node, what + " tiers must be a non-empty array of tables");
        }
        double previous_tb = 0.0;
        for (std::size_t i = 0; i < tiers->size(); ++i) {
            const toml::node& tier_node = *tiers->get(i);
            const std::string tier_what = fmt::format("{} tier {}", what, i + 1);
            const toml::table& tier = table_of(tier_node, tier_what);
            m_reader.check_keys(tier, {"up_to_tb", "per_gb"}, tier_what);
            PriceTier out;
            const toml::node* per_gb = tier.get("per_gb");
            if (per_gb == nullptr) {
                m_reader.fail_at(tier_node, tier_what + " needs 'per_gb'");
            }
            out.per_gb = price(*per_gb, tier_what + " per_gb");
            const bool last = i + 1 == tiers->size();
            if (const toml::node* up_to = tier.get("up_to_tb")) {
                const double tb = m_reader.number(*up_to, tier_what + " up_to_tb");
                if (!(tb > previous_tb) || tb > 1e12) {
                    m_reader.fail_at(*up_to,
                                     fmt::format("{} up_to_tb must be above the previous "
                                                 "tier's ({} TB)",
                                                 tier_what, units::exact_number(previous_tb)));
                }
                previous_tb = tb;
                out.up_to_gb = tb * k_gb_per_tb;
            } else if (!last) {
                m_reader.fail_at(tier_node,
                                 tier_what + " needs 'up_to_tb' (only the last tier has no end)");
            }
            table.tiers.push_back(out);
        }
        m_into.price_tables[name] = table;
    }

    const TomlReader& m_reader;
    std::string m_source;
    Catalogue& m_into;
};

std::string read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw IoError(path.string(), "cannot open", "not a regular file");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw IoError(path.string(), "cannot open", ec.message());
    }
    if (size > k_max_toml_bytes) {
        throw InputError(path.string(), 0, 0, std::string(k_file_too_large));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw IoError(path.string(), "cannot open", "cannot read the file");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

void read_catalogue(const TomlReader& reader, const toml::table& table, bool is_file,
                    const std::string& source_name, Catalogue& into) {
    CatalogueReader(reader, source_name, into).read(table, is_file);
}

Catalogue parse_catalogue(std::string_view text, const std::string& display_name) {
    const TomlReader reader(display_name);
    const toml::table root = reader.parse(text);
    Catalogue out;
    read_catalogue(reader, root, true, display_name, out);
    return out;
}

void merge_catalogue(Catalogue& into, const Catalogue& from) {
    for (const auto& [name, instance] : from.instances) {
        into.instances[name] = instance;
    }
    for (const auto& [name, table] : from.price_tables) {
        into.price_tables[name] = table;
    }
    for (const auto& [name, source] : from.sources) {
        into.sources[name] = source;
    }
}

Catalogue load_catalogue(const std::optional<std::string>& models_dir) {
    Catalogue out;
    for (const EmbeddedFile& file : embedded_models()) {
        merge_catalogue(out, parse_catalogue(file.text, fmt::format("models/{}", file.name)));
    }
    if (!models_dir) {
        return out;
    }
    const std::filesystem::path dir(*models_dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw IoError(*models_dir, "cannot open",
                      std::filesystem::exists(dir, ec) ? "not a directory" : "no such directory");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".toml") {
            files.push_back(entry.path());
        }
    }
    if (ec) {
        throw IoError(*models_dir, "cannot open", ec.message());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        // The name goes into `models -f json` too, which needs valid UTF-8.
        merge_catalogue(out, parse_catalogue(read_file(path), printable(path.string())));
    }
    return out;
}

} // namespace capplan::workload
