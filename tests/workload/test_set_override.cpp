// `--set KEY=VALUE` (capplan-workload(5) OVERRIDES): dotted path, VALUE read as TOML, a bare word
// taken as a string for string-typed keys, unknown keys refused with a did-you-mean, the same
// validation as the file, and repeated options applied in order.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

#include "common/errors.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"
#include "workload/workload_schema.hpp"

using namespace capplan::workload;
using capplan::InputError;
using capplan::UsageError;

namespace {

const char* const k_base = "users = 1\n[web]\ninstance = \"c7i.xlarge\"\n";

Workload with_sets(const std::vector<std::string>& sets, const std::string& text = k_base) {
    return load_workload(text, "app.toml", sets);
}

std::string diagnostic(const std::vector<std::string>& sets, const std::string& text = k_base) {
    try {
        const Workload w = with_sets(sets, text);
        check_instances(w, load_catalogue(std::nullopt));
    } catch (const UsageError& e) {
        return render_diagnostic(e);
    } catch (const InputError& e) {
        return render_diagnostic(e);
    }
    return "no error";
}

} // namespace

TEST_CASE("Overrides (--set): a bare word is a string for string keys", "[workload][set]") {
    const Workload w = with_sets({"web.instance=c7i.2xlarge", "db.instance=auto",
                                  "cdn.request_scheme=http", "name=my app",
                                  "lb.instance = "
                                  "c7g.large"});
    CHECK(w.web.instance == "c7i.2xlarge");
    CHECK(w.db.instance == "auto");
    CHECK(w.cdn.request_scheme == RequestScheme::http);
    CHECK(w.name == "my app");
    CHECK(w.lb.instance == "c7g.large");
    CHECK(w.positions.at("web.instance").from_set);
    // A quoted string works too, and a number for a name is its text.
    CHECK(with_sets({"web.instance=\"c7g.xlarge\""}).web.instance == "c7g.xlarge");
    CHECK(with_sets({"name=2024"}).name == "2024");
}

TEST_CASE("Overrides (--set): values in TOML and unit strings", "[workload][set]") {
    const Workload w =
        with_sets({"traffic.daily_active=0.5", "web.cpu_time=20ms", "traffic.write_fraction=10%",
                   "web.max_servers=50", "web.sticky_sessions=true", "db.max_shard_size=500GiB",
                   "queue.broker_capacity=5k/s", "web.min_servers=\"2\"",
                   "slo.availability={ 1 = \"99%\", 1k = \"99.9%\" }", "cache.target_hit_ratio=0.8",
                   "growth.per_decade=3"});
    CHECK(w.traffic.daily_active == 0.5);
    CHECK(w.web.cpu_time_s == 0.02);
    CHECK(w.traffic.write_fraction == 0.1);
    CHECK(w.web.max_servers == 50);
    CHECK(w.web.sticky_sessions);
    CHECK(w.db.max_shard_size_bytes == 500.0 * 1024 * 1024 * 1024);
    CHECK(w.queue.broker_capacity_per_s == 5000.0);
    CHECK(w.web.min_servers == 2);
    CHECK(w.slo.availability.at(500) == 0.99);
    CHECK(w.slo.availability.at(1000) == 0.999);
    CHECK(w.cache.target_hit_ratio == 0.8);
    CHECK(w.growth.per_decade == 3);
}

TEST_CASE("Overrides (--set): repeated options keep their order", "[workload][set]") {
    CHECK(with_sets({"web.max_servers=5", "web.max_servers=7"}).web.max_servers == 7);
    CHECK(with_sets({"web.max_servers=7", "web.max_servers=5"}).web.max_servers == 5);
    // min_servers = 6 is only valid once max_servers has been raised.
    CHECK(with_sets({"web.max_servers=10", "web.min_servers=6"}).web.min_servers == 6);
}

TEST_CASE("Overrides (--set): users go where the file keeps them", "[workload][set]") {
    CHECK(with_sets({"users=250k"}).growth.users == std::vector<double>{250e3});
    const std::string growth = "[growth]\nusers = \"1..1M\"\n";
    const Workload w = with_sets({"users=1,10,100"}, growth);
    CHECK(w.growth.users == std::vector<double>{1, 10, 100});
    CHECK_FALSE(w.growth.range_from);
    CHECK(with_sets({"growth.users=1..1k"}).growth.range_to == 1e3);
    // A file without users takes them from --set.
    CHECK(with_sets({"users=1..1M"}, "name = \"x\"\n").growth.range_to == 1e6);
}

TEST_CASE("Overrides (--set): errors", "[workload][set]") {
    CHECK(diagnostic({"web.instance"}) ==
          "capplan: --set: error: 'web.instance' is not KEY=VALUE (e.g. --set "
          "web.instance=c7i.2xlarge)");
    CHECK(diagnostic({"=5"}) ==
          "capplan: --set: error: '=5' is not KEY=VALUE (e.g. --set web.instance=c7i.2xlarge)");
    CHECK(diagnostic({"web.instanse=c7i.large"}) ==
          "capplan: --set: error: unknown key 'web.instanse'; did you mean 'web.instance'?");
    CHECK(diagnostic({"nothing.like.it=1"}) == "capplan: --set: error: unknown key "
                                               "'nothing.like.it'");
    CHECK(diagnostic({"web=1"}) ==
          "capplan: --set: error: 'web' is a table: name one of its keys, e.g. web.instance");
    CHECK(diagnostic({"web.autoscale=maybe"}) ==
          "capplan: --set: error: web.autoscale: 'maybe' is not a TOML value (quote strings: "
          "web.autoscale=\"...\")");
    // The file's validation runs on --set values and names --set.
    CHECK(diagnostic({"traffic.daily_active=2"}) ==
          "capplan: --set: error: traffic.daily_active must be between 0 and 1");
    CHECK(diagnostic({"web.cpu_time=15"}) ==
          "capplan: --set: error: web.cpu_time needs a unit: write \"15s\" or \"15ms\"");
    CHECK(diagnostic({"web.balancing=round-robin"}) ==
          "capplan: --set: error: web.balancing: unknown value 'round-robin'; did you mean "
          "'round_robin'? (one of round_robin, random, least_connections)");
    CHECK(diagnostic({"web.max_servers=0"}) ==
          "capplan: --set: error: web.max_servers must be at least 1");
    CHECK(diagnostic({"failover.max_datacenters=1"}) ==
          "capplan: --set: error: failover.survive (1) must be less than "
          "failover.max_datacenters (1): with D centres at most D - 1 losses can be survived");
    CHECK(diagnostic({"failover.max_datacenters=1", "failover.survive=0"}) == "no error");
    CHECK(diagnostic({"web.instance=c7i.xlarg"}) ==
          "capplan: --set: error: web.instance: unknown instance type 'c7i.xlarg'; did you mean "
          "'c7i.xlarge'?");
    CHECK(diagnostic({"web.instance=x"}, "users = 1\nweb = 5\n") ==
          "capplan: app.toml:2:7: error: 'web' must be a table ([web]), not an integer");
    // The file is checked before --set: --set cannot hide a bad key of the file.
    CHECK(diagnostic({"users=1"}, "users = 1\n[growth]\nusers = 2\n") ==
          "capplan: app.toml:3:9: error: users are given twice: at the top level and in "
          "[growth] (line 1); keep one");
}

TEST_CASE("Every schema key can be set", "[workload][set]") {
    // A valid sample of each kind, read back through --set: the schema and the loader agree.
    for (const KeySpec& spec : workload_keys()) {
        std::string value;
        switch (spec.kind) {
        case ValueKind::text:
            value = "x";
            break;
        case ValueKind::currency:
            value = "EUR";
            break;
        case ValueKind::instance:
            value = "c7i.large";
            break;
        case ValueKind::price_table:
            value = "cloudfront-2024";
            break;
        case ValueKind::choice:
            value = std::string(spec.choices.back());
            break;
        case ValueKind::boolean:
            value = "false";
            break;
        case ValueKind::duration:
            value = "2s";
            break;
        case ValueKind::size:
            value = "1KB";
            break;
        case ValueKind::rate:
            value = "10/s";
            break;
        case ValueKind::ratio:
        case ValueKind::ratio_or_auto:
            value = "50%";
            break;
        case ValueKind::names:
            value = "cdn";
            break;
        default:
            value = "1";
            break;
        }
        const std::string path = spec.path();
        INFO(path);
        std::vector<std::string> sets = {fmt::format("{}={}", path, value)};
        if (path == "failover.survive") {
            sets = {"failover.survive=0"};
        }
        if (path == "failover.max_datacenters") {
            sets.push_back("failover.survive=0");
        }
        if (path == "traffic.peak_to_average") {
            sets.push_back("traffic.trough_to_average=1");
        }
        const Workload w = load_workload("users = 1\n", "app.toml", sets);
        CHECK(w.positions.at(path).from_set);
    }
}

TEST_CASE("Overrides (--set): only valid UTF-8, as text values reach the JSON output",
          "[workload][set]") {
    CHECK(diagnostic({"name=\xff\xfe"}) ==
          "capplan: --set: error: 'name=\\xff\\xfe' is not valid UTF-8");
    CHECK(diagnostic({"name=caf\xc3\xa9"}) == "no error");
    CHECK(diagnostic({"name=a\x01b"}) ==
          "capplan: --set: error: name must be at most 200 characters without control characters");
}
