// The network file loader: both input forms, and every error path with its message and
// position (capplan(1) DIAGNOSTICS: `capplan: FILE:LINE:COL: error: MESSAGE`).

#include <catch2/catch.hpp>

#include <cstdint>
#include <fmt/format.h>
#include <string>

#include "common/errors.hpp"
#include "queueing/network.hpp"
#include "workload/network_file.hpp"

using capplan::InputError;
using capplan::queueing::NetworkKind;
using capplan::queueing::NetworkSpec;
using capplan::queueing::VisitForm;
using capplan::workload::parse_network;
using Catch::Matchers::WithinRel;

namespace {

// The rendered diagnostic of parsing `text` as net.toml, or "no error".
std::string diagnostic(const std::string& text) {
    try {
        (void)parse_network(text, "net.toml");
    } catch (const InputError& e) {
        return render_diagnostic(e);
    }
    return "no error";
}

const char* const k_open_visits = R"(# Octave qnos example (Jain 1991 Ex. 34.1)
kind = "open"
arrival_rate = "3/s"

[[station]]
name = "cpu"
service_time = "10ms"
visits = 16

[[station]]
name = "disk1"
service_time = 0.02
visits = 7

[[station]]
name = "disk2"
servers = 2
service_time = "30ms"
visits = 8.5
)";

const char* const k_open_routing = R"(kind = "open"

[[station]]
name = "cpu"
service_time = "10ms"
arrival_rate = 8

[[station]]
name = "disk"
delay = true
service_time = "5ms"
arrival_rate = "360/min"

[routing]
cpu = { disk = 0.2, cpu = "56%" }

[routing.disk]
cpu = 1
)";

const char* const k_closed = R"(kind = "closed"
population = 50
think_time = "5s"

[[station]]
name = "web"
servers = 4
service_time = "40ms"
visits = 1

[[station]]
name = "db"
service_time = "3ms"
visits = 2.5

[[station]]
name = "lan"
delay = true
service_time = "1ms"
visits = 3
)";

// A closed network in routing form whose third line onwards is `rest`.
std::string closed_routing(const std::string& rest) {
    return "kind = \"closed\"\npopulation = 5\n"
           "[[station]]\nname = \"a\"\nservice_time = 1\n"
           "[[station]]\nname = \"b\"\nservice_time = 1\n" +
           rest;
}

} // namespace

TEST_CASE("network file: open network, visit form", "[network][workload]") {
    const NetworkSpec spec = parse_network(k_open_visits, "net.toml");
    CHECK(spec.kind == NetworkKind::open);
    CHECK(spec.form == VisitForm::visits);
    CHECK(spec.arrival_rate_per_s == 3.0);
    REQUIRE(spec.stations.size() == 3);
    CHECK(spec.stations[0].name == "cpu");
    CHECK_THAT(spec.stations[0].service_time_s, WithinRel(0.01, 1e-15));
    CHECK(spec.stations[0].visits == 16.0);
    CHECK(spec.stations[0].servers == 1);
    CHECK_FALSE(spec.stations[0].is_delay);
    CHECK(spec.stations[1].service_time_s == 0.02);
    CHECK(spec.stations[2].servers == 2);
    CHECK(spec.stations[2].visits == 8.5);
    CHECK(spec.routing.empty());
}

TEST_CASE("network file: open network, routing form", "[network][workload]") {
    const NetworkSpec spec = parse_network(k_open_routing, "net.toml");
    CHECK(spec.form == VisitForm::routing);
    REQUIRE(spec.stations.size() == 2);
    CHECK(spec.stations[0].arrival_rate_per_s == 8.0);
    CHECK_THAT(spec.stations[1].arrival_rate_per_s, WithinRel(6.0, 1e-15));
    CHECK(spec.stations[1].is_delay);
    REQUIRE(spec.routing.size() == 2);
    CHECK(spec.routing[0][0] == 0.56);
    CHECK(spec.routing[0][1] == 0.2);
    CHECK(spec.routing[1][0] == 1.0);
    CHECK(spec.routing[1][1] == 0.0);
}

TEST_CASE("network file: closed network with multi-server and delay stations",
          "[network][workload]") {
    const NetworkSpec spec = parse_network(k_closed, "net.toml");
    CHECK(spec.kind == NetworkKind::closed);
    CHECK(spec.population == 50);
    CHECK(spec.think_time_s == 5.0);
    CHECK(spec.stations[0].servers == 4);
    CHECK(spec.stations[2].is_delay);
    // Closed routing form: rows sum to 1.
    const NetworkSpec routed = parse_network(
        closed_routing("[routing]\na = { a = 0.25, b = 0.75 }\nb = { a = 1 }\n"), "net.toml");
    CHECK(routed.form == VisitForm::routing);
    CHECK(routed.routing[0][1] == 0.75);
}

TEST_CASE("network file: guards before parsing", "[network][workload]") {
    CHECK(
        diagnostic(std::string((1U << 20U) + 1U, '#')) ==
        "capplan: net.toml: error: file is larger than 1 MiB, the limit for capplan's input files");
    std::string deep = "kind = \"open\"\n  a";
    for (int i = 0; i < 64; ++i) {
        deep += ".a";
    }
    CHECK(diagnostic(deep + " = 1\n") ==
          "capplan: net.toml:2:3: error: key has more than 64 dotted parts");
    // 64 parts pass the guard (and are then an unknown key); a float is not a dotted key.
    std::string ok = "kind = \"open\"\nx = [1.5, 2.5, 3.5]\n  a";
    for (int i = 0; i < 63; ++i) {
        ok += ".a";
    }
    CHECK(diagnostic(ok + " = 1\n") ==
          "capplan: net.toml:2:1: error: unknown key 'x' in the top level");
}

TEST_CASE("network file: TOML syntax errors carry their position", "[network][workload]") {
    const std::string d = diagnostic("kind = \"open\"\nstation = [\n");
    CHECK(d.rfind("capplan: net.toml:", 0) == 0);
    CHECK(d.find(": error: invalid TOML: ") != std::string::npos);
}

TEST_CASE("network file: value errors", "[network][workload]") {
    const std::string head = "kind = \"open\"\narrival_rate = 1\n[[station]]\nname = \"cpu\"\n";
    const auto with = [&](const std::string& line) { return diagnostic(head + line + "\n"); };
    CHECK(with("service_time = nan\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time must be a finite number, not "
          "nan");
    CHECK(with("service_time = 1\nvisits = inf") ==
          "capplan: net.toml:6:10: error: station 'cpu' visits must be a finite number, not inf");
    CHECK(with("service_time = 1979-05-27\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time must be a duration (seconds, "
          "or a string such as \"10ms\"), not a date");
    CHECK(with("service_time = -1\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time must be greater than 0");
    CHECK(with("service_time = 0\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time must be greater than 0");
    // Unit strings: the unit parser's own message after the value's name (units/quantity.hpp).
    CHECK(with("service_time = \"-5ms\"\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time: duration '-5ms' is "
          "negative");
    CHECK(with("service_time = 1\nvisits = -2") ==
          "capplan: net.toml:6:10: error: station 'cpu' visits must not be negative");
    CHECK(with("servers = \"4\"\nservice_time = 1\nvisits = 1") ==
          "capplan: net.toml:5:11: error: station 'cpu' servers must be an integer, not a string");
    CHECK(with("servers = 2.0\nservice_time = 1\nvisits = 1") ==
          "capplan: net.toml:5:11: error: station 'cpu' servers must be an integer, not a "
          "floating-point number");
    CHECK(with("servers = 0\nservice_time = 1\nvisits = 1") ==
          "capplan: net.toml:5:11: error: station 'cpu' servers must be between 1 and 10000000");
    CHECK(with("servers = 2\ndelay = true\nservice_time = 1\nvisits = 1") ==
          "capplan: net.toml:6:9: error: station 'cpu' cannot have both delay = true and servers");
    CHECK(with("service_time = 2e9\nvisits = 1") ==
          "capplan: net.toml:5:16: error: station 'cpu' service_time must be at most 1e9 s");
    const std::string unit = with("service_time = \"10 parsecs\"\nvisits = 1");
    CHECK(unit.rfind("capplan: net.toml:5:16: error: station 'cpu' service_time: ", 0) == 0);
}

TEST_CASE("network file: unknown keys suggest the closest", "[network][workload]") {
    CHECK(diagnostic("kind = \"closed\"\npopulaton = 5\n") ==
          "capplan: net.toml:2:1: error: unknown key 'populaton' in the top level; did you mean "
          "'population'?");
    CHECK(diagnostic("kind = \"open\"\narrival_rate = 1\n[[station]]\nname = \"cpu\"\n"
                     "  servcie_time = 1\n") ==
          "capplan: net.toml:5:3: error: unknown key 'servcie_time' in [[station]]; did you mean "
          "'service_time'?");
    CHECK(diagnostic("kind = \"open\"\nflavour = 1\n") ==
          "capplan: net.toml:2:1: error: unknown key 'flavour' in the top level");
}

TEST_CASE("network file: top-level errors", "[network][workload]") {
    const std::string station = "[[station]]\nname = \"cpu\"\nservice_time = 1\nvisits = 1\n";
    CHECK(diagnostic(station) ==
          "capplan: net.toml: error: missing key 'kind' (\"open\" or \"closed\")");
    CHECK(diagnostic("kind = \"half-open\"\n" + station) ==
          "capplan: net.toml:1:8: error: kind must be \"open\" or \"closed\", not \"half-open\"");
    CHECK(diagnostic("kind = \"open\"\narrival_rate = 1\n") ==
          "capplan: net.toml: error: no stations: add a [[station]] table for each station");
    CHECK(diagnostic("kind = \"open\"\n" + station) ==
          "capplan: net.toml: error: open network needs an arrival_rate (or a [routing] table and "
          "per-station arrival rates)");
    CHECK(diagnostic("kind = \"open\"\narrival_rate = 0\n" + station) ==
          "capplan: net.toml:2:16: error: arrival_rate must be greater than 0");
    CHECK(diagnostic("kind = \"open\"\npopulation = 3\n" + station) ==
          "capplan: net.toml:2:14: error: population is only for closed networks");
    CHECK(diagnostic("kind = \"closed\"\narrival_rate = 3\n" + station) ==
          "capplan: net.toml:2:16: error: arrival_rate is only for open networks");
    CHECK(diagnostic("kind = \"closed\"\n" + station) ==
          "capplan: net.toml: error: closed network needs a population (the number of jobs)");
    for (const std::string bad : {"0", "100001", "-3"}) {
        CHECK(diagnostic("kind = \"closed\"\npopulation = " + bad + "\n" + station) ==
              "capplan: net.toml:2:14: error: population must be between 1 and 100000");
    }
    CHECK(diagnostic("kind = \"closed\"\npopulation = 2.5\n" + station) ==
          "capplan: net.toml:2:14: error: population must be an integer, not a floating-point "
          "number");
    CHECK(diagnostic("kind = \"closed\"\npopulation = 3\nthink_time = -1\n" + station) ==
          "capplan: net.toml:3:14: error: think_time must not be negative");
    CHECK(diagnostic("kind = \"open\"\narrival_rate = 1\n[station]\nname = \"x\"\n") ==
          "capplan: net.toml:3:1: error: station must be an array of tables ([[station]]), not a "
          "table");
}

TEST_CASE("network file: station names", "[network][workload]") {
    const std::string head = "kind = \"open\"\narrival_rate = 1\n";
    const std::string cpu = "[[station]]\nname = \"cpu\"\nservice_time = 1\nvisits = 1\n";
    CHECK(diagnostic(head + cpu + cpu) ==
          "capplan: net.toml:8:8: error: duplicate station name 'cpu' (first defined on line 3)");
    CHECK(diagnostic(head + "[[station]]\nname = \"system\"\nservice_time = 1\nvisits = 1\n") ==
          "capplan: net.toml:4:8: error: station name 'system' is reserved for the whole network");
    CHECK(diagnostic(head + "[[station]]\nservice_time = 1\n") ==
          "capplan: net.toml:3:1: error: station has no name");
    CHECK(diagnostic(head + "[[station]]\nname = \"cpu\"\nvisits = 1\n") ==
          "capplan: net.toml:3:1: error: station 'cpu' has no service_time");
}

TEST_CASE("network file: the two forms are not mixed", "[network][workload]") {
    const std::string open_head = "kind = \"open\"\n";
    const std::string routed = "[routing]\ncpu = { }\n";
    CHECK(diagnostic(open_head + "arrival_rate = 1\n[[station]]\nname = \"cpu\"\n"
                                 "service_time = 1\n") ==
          "capplan: net.toml:3:1: error: station 'cpu' has no visits; give every station visits, "
          "or add a [routing] table");
    CHECK(diagnostic(open_head + "arrival_rate = 1\n[[station]]\nname = \"cpu\"\n"
                                 "service_time = 1\nvisits = 1\narrival_rate = 2\n") ==
          "capplan: net.toml:7:16: error: station 'cpu' arrival_rate needs a [routing] table; "
          "without routing give the network's arrival_rate at the top level");
    CHECK(diagnostic(open_head +
                     "[[station]]\nname = \"cpu\"\nservice_time = 1\n"
                     "arrival_rate = 1\nvisits = 1\n" +
                     routed) ==
          "capplan: net.toml:6:10: error: station 'cpu' visits cannot be combined with [routing] "
          "(the visits are derived from it)");
    CHECK(diagnostic(open_head +
                     "arrival_rate = 1\n[[station]]\nname = \"cpu\"\n"
                     "service_time = 1\narrival_rate = 1\n" +
                     routed) ==
          "capplan: net.toml:2:16: error: a top-level arrival_rate is for networks without "
          "[routing]; with [routing] give each station's external arrival_rate");
    CHECK(diagnostic(open_head + "[[station]]\nname = \"cpu\"\nservice_time = 1\n" + routed) ==
          "capplan: net.toml:5:1: error: open network has no external arrivals: give at least "
          "one station an arrival_rate");
    CHECK(diagnostic("kind = \"closed\"\npopulation = 2\n[[station]]\nname = \"cpu\"\n"
                     "service_time = 1\nvisits = 0\n") ==
          "capplan: net.toml:6:10: error: closed network has no station with visits greater "
          "than 0");
}

TEST_CASE("network file: routing errors", "[network][workload]") {
    const std::string open = "kind = \"open\"\n[[station]]\nname = \"cpu\"\nservice_time = 1\n"
                             "arrival_rate = 1\n[[station]]\nname = \"disk\"\nservice_time = 1\n"
                             "[routing]\n";
    CHECK(diagnostic(open + "cpu = { disk = 0.7, cpu = 0.5 }\n") ==
          "capplan: net.toml:10:7: error: routing row 'cpu' sums to 1.2, more than 1");
    CHECK(diagnostic(open + "cpu = { disk = 1.5 }\n") ==
          "capplan: net.toml:10:16: error: routing probability cpu -> disk must be between 0 "
          "and 1");
    CHECK(diagnostic(open + "cpu = { disk = -0.1 }\n") ==
          "capplan: net.toml:10:16: error: routing probability cpu -> disk must be between 0 "
          "and 1");
    CHECK(diagnostic(open + "cpu = { dsk = 0.3 }\n") ==
          "capplan: net.toml:10:9: error: unknown station 'dsk' in routing row 'cpu'; did you "
          "mean 'disk'?");
    CHECK(diagnostic(open + "cpx = { disk = 0.3 }\n") ==
          "capplan: net.toml:10:1: error: unknown station 'cpx' in [routing]; did you mean "
          "'cpu'?");
    CHECK(diagnostic(open + "cpu = 0.3\n") ==
          "capplan: net.toml:10:7: error: routing row 'cpu' must be a table such as { disk = 0.3 "
          "}, not a floating-point number");
    // Rows summing to 1 within 1e-9 are accepted.
    CHECK(diagnostic(open + "cpu = { disk = 0.1, cpu = 0.2 }\ndisk = { cpu = 0.3 }\n") ==
          "no error");
    CHECK(diagnostic(open + "cpu = { disk = 1 }\ndisk = { disk = 0.5, cpu = 0.5 }\n") ==
          "capplan: net.toml:9:1: error: network has no exit from stations cpu, disk: the "
          "traffic equations are singular");
}

TEST_CASE("network file: closed routing errors", "[network][workload]") {
    CHECK(diagnostic(closed_routing("[routing]\na = { b = 0.7 }\nb = { a = 1 }\n")) ==
          "capplan: net.toml:10:5: error: routing row 'a' sums to 0.7; in a closed network each "
          "row must sum to 1");
    CHECK(diagnostic(closed_routing("[routing]\na = { b = 1 }\n")) ==
          "capplan: net.toml:6:1: error: station 'b' has no routing row; in a closed network "
          "each station's row must sum to 1");
    CHECK(diagnostic(closed_routing("[routing]\na = { a = 1 }\nb = { a = 1 }\n")) ==
          "capplan: net.toml:9:1: error: station b is not on a cycle through 'a': the visit "
          "ratios are undefined");
    CHECK(diagnostic(closed_routing("[routing]\na = { b = 1 }\nb = { b = 1 }\n")) ==
          "capplan: net.toml:9:1: error: station b is not on a cycle through 'a': the visit "
          "ratios are undefined");
}

TEST_CASE("network file: exact MVA limits", "[network][workload]") {
    std::string text = "kind = \"closed\"\npopulation = 100\n";
    for (int i = 0; i < 11; ++i) {
        text += fmt::format("[[station]]\nname = \"s{}\"\nservers = 2\nservice_time = 1\n"
                            "visits = 1\n",
                            i);
    }
    CHECK(diagnostic(text) ==
          "capplan: net.toml:55:11: error: station 's10': exact MVA supports at most 10 "
          "multi-server stations with 1 < servers < population");
    std::string big = "kind = \"closed\"\npopulation = 100000\n";
    for (int i = 0; i < 10; ++i) {
        big += fmt::format("[[station]]\nname = \"s{}\"\nservers = 64\nservice_time = 1\n"
                           "visits = 1\n",
                           i);
    }
    CHECK(diagnostic(big) ==
          "capplan: net.toml:2:14: error: closed network too large for exact MVA (about 6.7e+10 "
          "steps, limit 1.0e+09): lower the population or the number of multi-server stations");
}
