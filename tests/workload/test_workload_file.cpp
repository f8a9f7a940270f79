// The workload file (capplan-workload(5)): the examples load, every default equals the
// documented one (the defaults of workload.hpp against templates/workload.toml, which sets every
// key to its documented default, plus comments), and every class of bad input fails with
// its message and position (capplan(1) DIAGNOSTICS: `capplan: FILE:LINE:COL: error: MESSAGE`).

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "support/schema_values.hpp"
#include "support/test_files.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/cross_key_rules.hpp"
#include "workload/embedded.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"
#include "workload/workload_schema.hpp"

using namespace capplan::workload;
using capplan::InputError;
using capplan::UsageError;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

using capplan::test::read_source;

// The rendered diagnostic of loading `text` as app.toml, or "no error".
std::string diagnostic(const std::string& text, const std::vector<std::string>& sets = {}) {
    return capplan::test::diagnostic_of([&] { (void)load_workload(text, "app.toml", sets); });
}

// A minimal file with `body` after `users = 1`.
std::string with_users(const std::string& body) {
    return fmt::format("users = 1\n{}", body);
}

} // namespace

TEST_CASE("Every example loads and names real instances", "[workload][examples]") {
    const Catalogue catalogue = load_catalogue(std::nullopt);
    for (const char* name : {"photo-sharing", "blog", "mobile-api"}) {
        INFO(name);
        const std::string path = fmt::format("examples/{}.toml", name);
        const Workload w = load_workload(read_source(path), path, {});
        CHECK(w.name == name);
        CHECK(w.file == path);
        CHECK_FALSE(workload_user_points(w).empty());
        CHECK_NOTHROW(check_instances(w, catalogue));
        CHECK(w.budgets.size() == 1);
    }
}

TEST_CASE("The embedded default is examples/photo-sharing.toml", "[workload][examples]") {
    CHECK(embedded_default_workload() == read_source("examples/photo-sharing.toml"));
}

TEST_CASE("capplan init's template is templates/workload.toml", "[workload][defaults]") {
    CHECK(embedded_init_template() == read_source("templates/workload.toml"));
}

TEST_CASE("The defaults equal the documented ones", "[workload][defaults]") {
    // The template (templates/workload.toml, what `capplan init` writes) sets every key to its
    // documented default; a file with only `users` gets the defaults of workload.hpp; and both
    // equal a default-constructed Workload. (The built-in photo-sharing example is free to differ.)
    const Workload spec = load_workload(embedded_init_template(), "photo-sharing.toml", {});
    const Workload minimal = load_workload("users = 1\n", "min.toml", {});
    const Workload defaults;
    for (const Workload* w : {&spec, &minimal}) {
        CHECK(w->schema_version == defaults.schema_version);
        CHECK(w->currency == defaults.currency);
        CHECK(w->traffic == defaults.traffic);
        CHECK(w->slo == defaults.slo);
        CHECK(w->single == defaults.single);
        CHECK(w->web == defaults.web);
        CHECK(w->lb == defaults.lb);
        CHECK(w->db == defaults.db);
        CHECK(w->cache == defaults.cache);
        CHECK(w->blob == defaults.blob);
        CHECK(w->cdn == defaults.cdn);
        CHECK(w->queue == defaults.queue);
        CHECK(w->sessions == defaults.sessions);
        CHECK(w->logs == defaults.logs);
        CHECK(w->failover == defaults.failover);
        CHECK(w->stage == defaults.stage);
    }
    // Documented values spelled out, for the keys whose unit conversion could go wrong.
    CHECK(spec.name == "photo-sharing");
    CHECK(spec.growth.range_from == 1.0);
    CHECK(spec.growth.range_to == 1e6);
    CHECK(spec.growth.per_decade == 1);
    CHECK(workload_user_points(spec) == std::vector<double>{1, 10, 100, 1e3, 1e4, 1e5, 1e6});
    CHECK(spec.traffic.static_bytes_per_page_view == 1.5e6); // "1.5MB"
    CHECK(spec.traffic.session_length_s == 900.0);           // "15min"
    CHECK(spec.slo.availability.at(5e3) == 0.99);
    CHECK(spec.slo.availability.at(10e3) == 0.999);
    CHECK(spec.slo.availability.at(2e5) == 0.9995);
    CHECK(spec.slo.availability.at(1e6) == 0.9999);
    CHECK(spec.slo.latency_p99_s.at(1e6) == 0.3);
    CHECK(spec.db.max_shard_size_bytes == 2e12); // "2TB" is SI
    CHECK_THAT(spec.web.static_cpu_time_s, WithinRel(0.0002, 1e-15));
    CHECK_THAT(spec.cache.op_time_s, WithinRel(20e-6, 1e-15));
    CHECK(spec.cache.target_hit_ratio == std::nullopt);
    CHECK(spec.cache.item_overhead_bytes == 80.0);
    CHECK(spec.queue.broker_capacity_per_s == 20e3);
    CHECK(spec.logs.retention_s == 30 * 86400.0);
    CHECK(spec.failover.server_mtbf_s == 4000 * 3600.0);
    CHECK(spec.web.max_servers == 10'000);
    CHECK(spec.budgets.size() == 1);
    CHECK(spec.budgets[0].metric == "total.monthly_cost");
    CHECK(spec.budgets[0].id == "total.monthly_cost");
    CHECK(spec.budgets[0].max->value == 60000.0);
    CHECK(spec.budgets[0].file == "photo-sharing.toml");
    // Positions, for later diagnostics: the lines where the template writes them.
    const auto line_of = [](const std::string& text, const std::string& start) {
        std::size_t line = 1;
        std::size_t at = 0;
        while (at < text.size() && text.compare(at, start.size(), start) != 0) {
            const std::size_t end = text.find('\n', at);
            at = end == std::string::npos ? text.size() : end + 1;
            ++line;
        }
        return line;
    };
    const std::string text(embedded_init_template());
    CHECK(spec.budgets[0].pos.line == line_of(text, "[[budget]]"));
    CHECK(spec.positions.at("web.instance").line == line_of(text, "instance = \"c7i.xlarge\""));
    CHECK(spec.positions.at("web.instance").column == 12);
    CHECK(minimal.positions.count("web.instance") == 0);
}

TEST_CASE("Values in every unit form", "[workload]") {
    const Workload w = load_workload(R"(users = [1, "10k", 1e6, 10_000]
[traffic]
daily_active = 0.25
requests_per_active_user = "1.5k"
response_bytes = 2048
session_bytes = "2KiB"
[web]
min_servers = "2"
max_servers = "10k"
[lb]
capacity_per_vcpu = "300k/min"
[cache]
target_hit_ratio = "90%"
[slo]
latency_p99 = { 0 = "1s", "1.5M" = "200ms" }
max_utilization = 0.6
)",
                                     "a.toml", {});
    CHECK(w.growth.users == std::vector<double>{1, 1e4, 1e6}); // sorted, 10k once
    CHECK_FALSE(w.growth.range_from);
    CHECK(w.traffic.daily_active == 0.25);
    CHECK(w.traffic.requests_per_active_user == 1500.0);
    CHECK(w.traffic.response_bytes == 2048.0);
    CHECK(w.traffic.session_bytes == 2048.0);
    CHECK(w.web.min_servers == 2);
    CHECK(w.web.max_servers == 10000);
    CHECK(w.lb.capacity_per_vcpu_per_s == 5000.0);
    CHECK(w.cache.target_hit_ratio == 0.9);
    CHECK(w.slo.latency_p99_s.at(1e6) == 1.0);
    CHECK(w.slo.latency_p99_s.at(1.5e6) == 0.2);
    CHECK(w.slo.max_utilization.at(1) == 0.6);
}

TEST_CASE("Users: top level or [growth], not both", "[workload][users]") {
    CHECK(diagnostic("users = 5\n[growth]\nusers = 6\n") ==
          "capplan: app.toml:3:9: error: users are given twice: at the top level and in "
          "[growth] (line 1); keep one");
    CHECK(diagnostic("name = \"x\"\n") ==
          "capplan: app.toml: error: no users: set `users` (a count, a list or a range such as "
          "users = \"1..1M\") or [growth] users");
    // A top-level users with [growth] per_decade is fine: per_decade applies to it.
    const Workload w = load_workload("users = \"1..100\"\n[growth]\nper_decade = 2\n", "a", {});
    CHECK(workload_user_points(w) == std::vector<double>{1, 3, 10, 30, 100});
    // The command line may supply the users instead.
    LoadOptions from_flag;
    from_flag.users_from_command_line = true;
    CHECK(load_workload("name = \"x\"\n", "a", {}, from_flag).growth.users.empty());
    CHECK(diagnostic("users = \"1M..1\"\n") ==
          "capplan: app.toml:1:9: error: users: user range '1M..1' runs downwards: write 1..1M");
    CHECK(diagnostic("users = 0\n") ==
          "capplan: app.toml:1:9: error: users: user count '0' is below 1");
    CHECK(diagnostic("users = []\n") ==
          "capplan: app.toml:1:9: error: users must list 1 to 10000 user counts");
    CHECK(diagnostic("users = true\n") ==
          "capplan: app.toml:1:9: error: users must be a count, a list or a range string such "
          "as \"1..1M\", not a boolean");
    CHECK(diagnostic("[growth]\nusers = \"1..1M\"\nper_decade = 101\n") ==
          "capplan: app.toml:3:14: error: growth.per_decade must be between 1 and 100");
    CHECK(diagnostic("[growth]\nuser = 5\n") ==
          "capplan: app.toml:2:1: error: unknown key 'user' in [growth]; did you mean 'users'?");
}

TEST_CASE("Unknown keys and tables", "[workload][keys]") {
    CHECK(diagnostic(with_users("[trafic]\n")) ==
          "capplan: app.toml:2:2: error: unknown key 'trafic' in the workload; did you mean "
          "'traffic'?");
    CHECK(diagnostic(with_users("[web]\ncpu_tme = \"1ms\"\n")) ==
          "capplan: app.toml:3:1: error: unknown key 'cpu_tme' in [web]; did you mean "
          "'cpu_time'?");
    CHECK(diagnostic(with_users("[db]\ncache_reads_per_request = 1\n")) ==
          "capplan: app.toml:3:1: error: unknown key 'cache_reads_per_request' in [db]; "
          "'cache_reads_per_request' belongs in [web]");
    CHECK(diagnostic(with_users("daily_active = 0.5\n")) ==
          "capplan: app.toml:2:1: error: unknown key 'daily_active' in the workload; "
          "'daily_active' belongs in [traffic]");
    CHECK(diagnostic(with_users("web = 3\n")) ==
          "capplan: app.toml:2:7: error: 'web' must be a table ([web]), not an integer");
    CHECK(diagnostic(with_users("[web]\ninstance = \"a\"\ninstance = \"b\"\n")) ==
          "capplan: app.toml:4:12: error: invalid TOML: Error while parsing key-value pair: "
          "cannot redefine existing string 'instance'");
}

TEST_CASE("Bad values", "[workload][values]") {
    // Ratios outside [0, 1], negative durations and sizes, NaN, infinities, dates.
    CHECK(diagnostic(with_users("[traffic]\ndaily_active = \"130%\"\n")) ==
          "capplan: app.toml:3:16: error: traffic.daily_active: ratio '130%' is outside 0..1 "
          "(0%..100%)");
    CHECK(diagnostic(with_users("[traffic]\nwrite_fraction = 1.5\n")) ==
          "capplan: app.toml:3:18: error: traffic.write_fraction must be between 0 and 1");
    CHECK(diagnostic(with_users("[web]\ncpu_time = \"-5ms\"\n")) ==
          "capplan: app.toml:3:12: error: web.cpu_time: duration '-5ms' is negative");
    CHECK(diagnostic(with_users("[web]\ncpu_time = 0.015\n")) ==
          "capplan: app.toml:3:12: error: web.cpu_time needs a unit: write \"0.015s\" or "
          "\"0.015ms\"");
    CHECK(diagnostic(with_users("[web]\ncpu_time = \"0ms\"\n")) ==
          "capplan: app.toml:3:12: error: web.cpu_time must be greater than 0");
    CHECK(diagnostic(with_users("[traffic]\nresponse_bytes = \"-1KB\"\n")) ==
          "capplan: app.toml:3:18: error: traffic.response_bytes: size '-1KB' is negative");
    CHECK(diagnostic(with_users("[traffic]\nresponse_bytes = \"8G\"\n")) ==
          "capplan: app.toml:3:18: error: traffic.response_bytes: size '8G' is ambiguous: "
          "write 8GB (10^9) or 8GiB (2^30)");
    CHECK(diagnostic(with_users("[traffic]\nresponse_bytes = \"8Mb\"\n")) ==
          "capplan: app.toml:3:18: error: traffic.response_bytes: size '8Mb' is in bits: "
          "capplan sizes are bytes; write 8MB (divide by 8 for bits)");
    CHECK(diagnostic(with_users("[traffic]\narrival_cv = nan\n")) ==
          "capplan: app.toml:3:14: error: traffic.arrival_cv must be a finite number, not nan");
    CHECK(diagnostic(with_users("[traffic]\narrival_cv = -inf\n")) ==
          "capplan: app.toml:3:14: error: traffic.arrival_cv must be a finite number, not inf");
    CHECK(diagnostic(with_users("[traffic]\narrival_cv = 101\n")) ==
          "capplan: app.toml:3:14: error: traffic.arrival_cv must be at most 100");
    CHECK(diagnostic(with_users("[failover]\nserver_mtbf = 2024-01-01\n")) ==
          "capplan: app.toml:3:15: error: failover.server_mtbf must be a duration (seconds, or "
          "a string such as \"10ms\"), not a date");
    CHECK(diagnostic(with_users("[lb]\ncapacity_per_vcpu = 5000\n")) ==
          "capplan: app.toml:3:21: error: lb.capacity_per_vcpu needs a unit: write \"5000/s\"");
    CHECK(diagnostic(with_users("[web]\nmin_servers = 2.5\n")) ==
          "capplan: app.toml:3:15: error: web.min_servers must be an integer, not a "
          "floating-point number");
    CHECK(diagnostic(with_users("[web]\nmin_servers = \"2.5\"\n")) ==
          "capplan: app.toml:3:15: error: web.min_servers must be a whole number");
    CHECK(diagnostic(with_users("[web]\nmin_servers = 0\n")) ==
          "capplan: app.toml:3:15: error: web.min_servers must be at least 1");
    CHECK(diagnostic(with_users("[traffic]\nrequests_per_active_user = true\n")) ==
          "capplan: app.toml:3:28: error: traffic.requests_per_active_user must be a count (a "
          "number or a string such as \"250k\"), not a boolean");
    CHECK(diagnostic(with_users("[blob]\nput_per_1k = \"0.005\"\n")) ==
          "capplan: app.toml:3:14: error: blob.put_per_1k must be a number, not a string");
    CHECK(diagnostic(with_users("[slo]\navailability = \"100%\"\n")) ==
          "capplan: app.toml:3:16: error: slo.availability must be less than 100%");
    CHECK(diagnostic(with_users("[cache]\nreserved_memory = 1\n")) ==
          "capplan: app.toml:3:19: error: cache.reserved_memory must be less than 100%");
    CHECK(diagnostic(with_users("[traffic]\npeak_to_average = 0.5\n")) ==
          "capplan: app.toml:3:19: error: traffic.peak_to_average must be at least 1");
    CHECK(diagnostic(with_users("currency = \"usd\"\n")) ==
          "capplan: app.toml:2:12: error: currency must be a three-letter ISO 4217 code such as "
          "\"USD\", not 'usd'");
    CHECK(diagnostic(with_users("name = \"\"\n")) ==
          "capplan: app.toml:2:8: error: name must not be empty");
    CHECK(diagnostic(with_users("schema_version = 2\n")) ==
          "capplan: app.toml:2:18: error: schema_version must be at most 1");
    CHECK(diagnostic(with_users("[web]\nsticky_sessions = \"yes\"\n")) ==
          "capplan: app.toml:3:19: error: web.sticky_sessions must be true or false, not a "
          "string");
}

TEST_CASE("Choices are checked with a did-you-mean", "[workload][values]") {
    CHECK(diagnostic(with_users("[web]\nbalancing = \"round-robin\"\n")) ==
          "capplan: app.toml:3:13: error: web.balancing: unknown value 'round-robin'; did you "
          "mean 'round_robin'? (one of round_robin, random, least_connections)");
    CHECK(diagnostic(with_users("[cdn]\nrequest_scheme = \"ftp\"\n")) ==
          "capplan: app.toml:3:18: error: cdn.request_scheme: unknown value 'ftp'; did you "
          "mean 'http'? (one of http, https)");
    CHECK(diagnostic(with_users("[failover]\nscope = \"planet\"\n")) ==
          "capplan: app.toml:3:9: error: failover.scope: unknown value 'planet' (one of zone, "
          "region)");
    const Workload w = load_workload(
        with_users("[web]\nbalancing = \"least_connections\"\n[cdn]\nrequest_scheme = \"http\"\n"
                   "[failover]\nscope = \"region\"\n"),
        "a", {});
    CHECK(w.web.balancing == Balancing::least_connections);
    CHECK(w.cdn.request_scheme == RequestScheme::http);
    CHECK(w.failover.scope == FailoverScope::region);
}

TEST_CASE("Step tables", "[workload][slo]") {
    CHECK(diagnostic(with_users("[slo]\navailability = {}\n")) ==
          "capplan: app.toml:3:16: error: slo.availability step table must not be empty");
    CHECK(diagnostic(with_users("[slo]\navailability = { 1 = \"99%\", x = \"99.9%\" }\n")) ==
          "capplan: app.toml:3:29: error: slo.availability: step key 'x' is not a user count "
          "(e.g. 1, 10k, \"1.5M\")");
    CHECK(diagnostic(with_users("[slo]\navailability = { 1.5M = \"99%\" }\n")) ==
          "capplan: app.toml:3:18: error: slo.availability: step key '1' must be quoted when it "
          "has a dot (\"1.5M\")");
    CHECK(diagnostic(with_users("[slo]\navailability = { 10k = \"99%\", 10000 = \"99.9%\" }\n")) ==
          "capplan: app.toml:3:31: error: slo.availability: step key '10000' repeats '10k'");
    CHECK(diagnostic(with_users("[slo]\navailability = { 1 = \"99%\", 10k = \"101%\" }\n")) ==
          "capplan: app.toml:3:35: error: slo.availability.10k: ratio '101%' is outside 0..1 "
          "(0%..100%)");
    CHECK(diagnostic(with_users("[slo]\nlatency_p99 = { 1 = \"0s\" }\n")) ==
          "capplan: app.toml:3:21: error: slo.latency_p99.1 must be greater than 0");
}

TEST_CASE("Checks across keys", "[workload][ranges]") {
    CHECK(diagnostic(with_users("[web]\nmin_servers = 20\nmax_servers = 10\n")) ==
          "capplan: app.toml:4:15: error: web.min_servers (20) is above web.max_servers (10)");
    CHECK(diagnostic(with_users("[web]\nmin_servers = 20_000\n")) ==
          "capplan: app.toml:3:15: error: web.min_servers (20000) is above web.max_servers "
          "(10000)");
    CHECK(diagnostic(with_users("[failover]\nmax_datacenters = 2\nsurvive = 2\n")) ==
          "capplan: app.toml:4:11: error: failover.survive (2) must be less than "
          "failover.max_datacenters (2): with D centres at most D - 1 losses can be survived");
    // Without trough_to_average in the file, the line that breaks the rule is peak_to_average's.
    CHECK(diagnostic(with_users("[traffic]\npeak_to_average = 1\n")) ==
          "capplan: app.toml:3:19: error: traffic.trough_to_average must be 1 when "
          "peak_to_average is 1 (a flat day has no trough)");
    // A conflict that --set creates is the --set's fault, not the file's.
    CHECK(diagnostic(with_users("[failover]\nsurvive = 1\n"), {"failover.max_datacenters=1"}) ==
          "capplan: --set: error: failover.survive (1) must be less than "
          "failover.max_datacenters (1): with D centres at most D - 1 losses can be survived");
    CHECK(diagnostic(with_users("[web]\nmax_servers = 10\n"), {"web.min_servers=20"}) ==
          "capplan: --set: error: web.min_servers (20) is above web.max_servers (10)");
    CHECK(diagnostic(with_users("[traffic]\npeak_to_average = 1\ntrough_to_average = 1\n")) ==
          "no error");
}

TEST_CASE("Each cross-key rule refuses its broken example, is kept by the values tests set, "
          "and is documented",
          "[workload][ranges]") {
    // The one table (workload/cross_key_rules.hpp) that the loader checks and the tests'
    // companions (support/schema_values.hpp) follow.
    const std::string validation = [] {
        const std::string man = read_source("man/capplan-workload.5");
        const std::size_t from = man.find(".SH VALIDATION");
        REQUIRE(from != std::string::npos);
        return man.substr(from, man.find(".SH ", from + 1) - from);
    }();
    std::size_t documented_at = 0;
    REQUIRE(cross_key_rules().size() >= 3);
    for (const CrossKeyRule& rule : cross_key_rules()) {
        const std::string lead(rule.lead);
        const std::string follower(rule.follower);
        INFO(lead << " and " << follower);
        REQUIRE(find_key(lead) != nullptr);
        REQUIRE(find_key(follower) != nullptr);
        const auto set = [](const std::string& key, double x) {
            return fmt::format("{}={}", key, capplan::test::value_text(*find_key(key), x));
        };
        // Broken: refused on the --set of the key the rule blames, with a message naming it.
        const std::string blamed = rule.blame_follower ? follower : lead;
        const std::string refused = diagnostic(
            "users = 1\n", {set(lead, rule.broken_lead), set(follower, rule.broken_follower)});
        CHECK_THAT(refused, Catch::Matchers::StartsWith("capplan: --set: error: "));
        CHECK_THAT(refused, Contains(blamed));
        // The follower the tests set from the lead keeps the rule, as does the lead they set
        // for any follower.
        std::vector<std::string> kept{set(lead, rule.broken_lead)};
        if (const auto value = rule.follower_for(rule.broken_lead)) {
            kept.push_back(set(follower, *value));
        }
        CHECK(diagnostic("users = 1\n", kept) == "no error");
        if (rule.lead_for_any_follower) {
            CHECK(diagnostic("users = 1\n", {set(lead, *rule.lead_for_any_follower),
                                             set(follower, rule.broken_follower)}) == "no error");
        }
        // capplan-workload(5) VALIDATION names both keys, in the table's order.
        const std::size_t lead_at = validation.find(lead, documented_at);
        const std::size_t follower_at = validation.find(follower, documented_at);
        CHECK(lead_at != std::string::npos);
        CHECK(follower_at != std::string::npos);
        documented_at = std::max(documented_at, std::min(lead_at, follower_at));
    }
}

TEST_CASE("Budgets", "[workload][budget]") {
    const Workload w = load_workload(with_users(R"(
[[budget]]
id = "mem"
metric = "cache.memory_bytes"
max = "512GiB"
min = 0
at_users = "1M"
level = "warn"
message = "ask first"

[[budget]]
metric = "web.latency_p99_s"
max = "150ms"
)"),
                                     "a.toml", {});
    REQUIRE(w.budgets.size() == 2);
    CHECK(w.budgets[0].id == "mem");
    CHECK(w.budgets[0].max->value == 512.0 * 1024 * 1024 * 1024);
    CHECK(w.budgets[0].max->unit == LimitUnit::size);
    CHECK(w.budgets[0].max->pos.line == 6);
    CHECK(w.budgets[0].metric_pos.line == 5);
    CHECK(w.budgets[0].metric_pos.column == 10);
    CHECK(w.budgets[0].min->value == 0.0);
    CHECK(w.budgets[0].min->unit == LimitUnit::number);
    CHECK(w.budgets[0].at_users == 1e6);
    CHECK(w.budgets[0].level == BudgetLevel::warn);
    CHECK(w.budgets[0].message == "ask first");
    CHECK(w.budgets[0].file == "a.toml");
    CHECK(w.budgets[0].pos.line == 3);
    CHECK(w.budgets[1].id == "web.latency_p99_s");
    CHECK(w.budgets[1].max->value == 0.15);
    CHECK(w.budgets[1].max->unit == LimitUnit::duration);
    CHECK(w.budgets[1].pos.line == 12);
    CHECK(diagnostic(with_users("[[budget]]\nmax = 5\n")) ==
          "capplan: app.toml:2:1: error: budget 1 needs 'metric' (e.g. metric = "
          "\"total.monthly_cost\")");
    CHECK(diagnostic(with_users("[[budget]]\nmetric = \"x.y\"\n")) ==
          "capplan: app.toml:2:1: error: budget 1 needs a limit: max, min, max_increase or "
          "max_increase_pct");
    CHECK(diagnostic(with_users("[[budget]]\nmetric = \"x.y\"\nmax = \"lots\"\n")) ==
          "capplan: app.toml:4:7: error: budget 1 max: 'lots' is not a number or a size, "
          "duration, rate, percentage or count (e.g. \"512GiB\", \"150ms\", \"900/s\", "
          "\"90%\", \"250k\")");
    CHECK(diagnostic(with_users("[[budget]]\nmetric = \"x.y\"\nmax = 5\nlevel = \"wran\"\n")) ==
          "capplan: app.toml:5:9: error: budget 1 level 'wran' is not \"error\" or \"warn\"; "
          "did you mean 'warn'?");
    CHECK(diagnostic(with_users("[[budget]]\nmetric = \"x.y\"\nmaxx = 5\n")) ==
          "capplan: app.toml:4:1: error: unknown key 'maxx' in [[budget]] 1; did you mean "
          "'max'?");
    CHECK(diagnostic(with_users("[budget]\nmetric = \"x.y\"\n")) ==
          "capplan: app.toml:2:1: error: 'budget' must be an array of tables ([[budget]]), not "
          "a table");
    CHECK(diagnostic(with_users("[[budget]]\nmetric = \"x.y\"\nmax = 1\nmin = 2\n")) ==
          "capplan: app.toml:5:7: error: budget 1 min is above its max");
    const auto file =
        load_budget_file("[[budget]]\nmetric = \"total.servers\"\nmax = 10\n", "b.toml");
    REQUIRE(file.size() == 1);
    CHECK(file[0].file == "b.toml");
    CHECK(file[0].max->value == 10.0);
    // How each limit was written is kept, for the unit check against the metric.
    const auto kinds = load_budget_file(R"([[budget]]
metric = "traffic.peak_rps"
max = "2M/day"
min = "1.5k"
max_increase = 12
max_increase_pct = 10
)",
                                        "k.toml");
    REQUIRE(kinds.size() == 1);
    CHECK(kinds[0].max->unit == LimitUnit::rate);
    CHECK_THAT(kinds[0].max->value, WithinRel(2e6 / 86400.0, 1e-15));
    CHECK(kinds[0].min->unit == LimitUnit::number);
    CHECK(kinds[0].min->value == 1500.0);
    CHECK(kinds[0].max_increase->unit == LimitUnit::number);
    CHECK(kinds[0].max_increase_pct->value == 10.0);
    CHECK(kinds[0].max_increase_pct->pos.line == 6);
    CHECK(kinds[0].max_increase_pct->pos.column == 20);
}

TEST_CASE("[models] extends the catalogue", "[workload][models]") {
    const std::string text = with_users(R"(
[web]
instance = "big.box"

[models.instance."big.box"]
vcpus = 64
cores = 32
threads_per_core = 2
memory = "256GiB"
hourly = 2.5
)");
    const Workload w = load_workload(text, "a.toml", {});
    REQUIRE(w.models.instances.count("big.box") == 1);
    CHECK(w.models.instances.at("big.box").source == "a.toml");
    Catalogue c = load_catalogue(std::nullopt);
    CHECK_THROWS_AS(check_instances(w, c), InputError);
    merge_catalogue(c, w.models);
    CHECK_NOTHROW(check_instances(w, c));
    CHECK(diagnostic(with_users("[models.instance.x]\nvcpus = 1\n")) ==
          "capplan: app.toml:2:18: error: instance 'x' needs 'cores'");
    CHECK(diagnostic(with_users("[models]\nsauce = 1\n")) ==
          "capplan: app.toml:3:1: error: unknown key 'sauce' in [models]; did you mean "
          "'source'?");
}

TEST_CASE("check_instances names the key and suggests", "[workload][catalogue]") {
    const Catalogue c = load_catalogue(std::nullopt);
    const auto check = [&](const std::string& text) {
        return capplan::test::diagnostic_of(
            [&] { check_instances(load_workload(text, "app.toml", {}), c); });
    };
    CHECK(check(with_users("[web]\ninstance = \"c7i.xlarg\"\n")) ==
          "capplan: app.toml:3:12: error: web.instance: unknown instance type 'c7i.xlarg'; did "
          "you mean 'c7i.xlarge'?");
    CHECK(check(with_users("[db]\ninstance = \"auto\"\nfamily = \"db.r9\"\n")) ==
          "capplan: app.toml:4:10: error: db.family: unknown instance family 'db.r9'; did you "
          "mean 'db.r7g'?");
    CHECK(check(with_users("[db]\nmax_instance = \"c7i.large\"\n")) ==
          "capplan: app.toml:3:16: error: db.max_instance 'c7i.large' is not in db.family "
          "'db.r7g'");
    CHECK(check(with_users("[cdn]\npricing = \"cloudfront-2023\"\n")) ==
          "capplan: app.toml:3:11: error: cdn.pricing: unknown price table 'cloudfront-2023'; "
          "did you mean 'cloudfront-2024'?");
    CHECK(check(with_users("[queue]\nbroker = \"kafka.m5.large\"\n")) ==
          "capplan: app.toml:3:10: error: queue.broker: unknown instance type 'kafka.m5.large' "
          "(capplan models lists the catalogue)");
    CHECK(check(with_users("[queue]\nbroker = \"c7i.large\"\n")) == "no error");
}

TEST_CASE("Guards against hostile input", "[workload][guards]") {
    std::string deep = "users = 1\na";
    for (int i = 0; i < 70; ++i) {
        deep += ".a";
    }
    deep += " = 1\n";
    CHECK(diagnostic(deep) == "capplan: app.toml:2:1: error: key has more than 64 dotted parts");
    CHECK(
        diagnostic(std::string(2u << 20, '#')) ==
        "capplan: app.toml: error: file is larger than 1 MiB, the limit for capplan's input files");
    CHECK(diagnostic("users = \n") == "capplan: app.toml:1:9: error: invalid TOML: Error while "
                                      "parsing key-value pair: expected value, saw '\\n'");
}

TEST_CASE("capplan-workload(5) documents every key in its section", "[workload][man]") {
    const std::string man = read_source("man/capplan-workload.5");
    for (const KeySpec& spec : workload_keys()) {
        INFO(spec.path());
        std::size_t begin = 0;
        std::size_t end = man.size();
        if (!spec.section.empty()) {
            begin = man.find(fmt::format(".SS [{}]\n", spec.section));
            REQUIRE(begin != std::string::npos);
            end = std::min(man.find(".SS ", begin + 1), man.find(".SH ", begin + 1));
        }
        const std::size_t at = man.find(fmt::format(".B {}\n", spec.key), begin);
        CHECK(at < end);
    }
}

TEST_CASE("repair_crews takes a number or \"unlimited\"", "[workload]") {
    // capplan-workload(5): an integer 1 to 10^6, or the word, stored as 0.
    const Workload unlimited =
        load_workload("users = 1\n[failover]\nrepair_crews = \"unlimited\"\n", "a.toml", {});
    CHECK(unlimited.failover.repair_crews == 0);
    const Workload three = load_workload("users = 1\n[failover]\nrepair_crews = 3\n", "a.toml", {});
    CHECK(three.failover.repair_crews == 3);
    CHECK(diagnostic("users = 1\n[failover]\nrepair_crews = \"unlimted\"\n")
              .find("or \"unlimited\"") != std::string::npos);
    CHECK(diagnostic("users = 1\n[failover]\nrepair_crews = 0\n").find("at least 1") !=
          std::string::npos);
    CHECK(diagnostic("users = 1\n[failover]\nrepair_crews = 2.5\n").find("must be an integer") !=
          std::string::npos);
    CHECK(diagnostic("users = 1\n", {"failover.repair_crews=unlimited"}) == "no error");
}
