// network_report: exact bytes of each format on small solved networks.

#include <catch2/catch.hpp>
#include <string>

#include "common/version.hpp"
#include "queueing/network.hpp"
#include "report/network_report.hpp"

using capplan::queueing::NetworkKind;
using capplan::queueing::NetworkResult;
using capplan::queueing::NetworkSpec;
using capplan::queueing::NetworkStation;
using capplan::queueing::solve_network;
using capplan::queueing::VisitForm;

namespace {

// The expected JSON with this build's version where it says @VERSION@.
std::string with_version(std::string text) {
    const std::string mark = "@VERSION@";
    text.replace(text.find(mark), mark.size(), capplan::version());
    return text;
}

// Open, 2 jobs/s: a 2-server web tier (2 visits), a database (ρ = 0.6) and a network delay.
NetworkResult open_network(double db_service_s) {
    NetworkSpec spec;
    spec.kind = NetworkKind::open;
    spec.form = VisitForm::visits;
    spec.arrival_rate_per_s = 2.0;
    NetworkStation web{"web", 2, false, 0.25, 0.0, 2.0};
    NetworkStation db{"db", 1, false, db_service_s, 0.0, 1.0};
    NetworkStation lan{"lan", 1, true, 0.0005, 0.0, 3.0};
    spec.stations = {web, db, lan};
    return solve_network(spec);
}

NetworkResult closed_network() {
    NetworkSpec spec;
    spec.kind = NetworkKind::closed;
    spec.form = VisitForm::visits;
    spec.population = 4;
    spec.think_time_s = 2.0;
    NetworkStation cpu{"cpu", 2, false, 0.5, 0.0, 1.0};
    spec.stations = {cpu};
    return solve_network(spec);
}

} // namespace

TEST_CASE("network report: table", "[network][report]") {
    // Exact bytes of the table are pinned by the golden CLI tests (tests/golden/network);
    // here: the rows, the units, and "saturated" in place of infinite means.
    using Catch::Matchers::Contains;
    const std::string open = capplan::report::render_network_table(open_network(0.3));
    CHECK_THAT(open, Contains("open network: 2 jobs/s arrive\n"));
    CHECK_THAT(open, Contains("333 ms"));
    CHECK_THAT(open, Contains("500 us"));
    CHECK_THAT(open, Contains("1.42 s"));
    CHECK(capplan::report::network_warnings(open_network(0.3)).empty());
    const std::string saturated = capplan::report::render_network_table(open_network(0.6));
    CHECK_THAT(saturated, Contains("100.0%   saturated"));
    CHECK(saturated.find("warning") == std::string::npos); // warnings go to stderr
    const auto warnings = capplan::report::network_warnings(open_network(0.6));
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].message == "station 'db' is saturated (utilization would be 100% or "
                                 "more): its queue grows without bound");
    CHECK_THAT(capplan::report::render_network_table(closed_network()),
               Contains("closed network: 4 jobs, think time 2 s\n"));
}

TEST_CASE("network report: json", "[network][report]") {
    // Saturated means are null, never nan or inf; integral reals print as integers.
    CHECK(capplan::report::render_network_json(open_network(0.6), "net.toml") ==
          with_version("{\n"
                       "  \"schema_version\": 1,\n"
                       "  \"tool\": {\n"
                       "    \"name\": \"capplan\",\n"
                       "    \"version\": \"@VERSION@\"\n"
                       "  },\n"
                       "  \"network\": {\n"
                       "    \"file\": \"net.toml\",\n"
                       "    \"kind\": \"open\",\n"
                       "    \"arrival_rate_per_s\": 2\n"
                       "  },\n"
                       "  \"stations\": [\n"
                       "    {\n"
                       "      \"name\": \"web\",\n"
                       "      \"servers\": 2,\n"
                       "      \"delay\": false,\n"
                       "      \"service_time_s\": 0.25,\n"
                       "      \"visits\": 2,\n"
                       "      \"throughput_per_s\": 4,\n"
                       "      \"utilization\": 0.5,\n"
                       "      \"mean_in_station\": 1.3333333333333335,\n"
                       "      \"response_per_visit_s\": 0.33333333333333337,\n"
                       "      \"residence_s\": 0.6666666666666667,\n"
                       "      \"saturated\": false\n"
                       "    },\n"
                       "    {\n"
                       "      \"name\": \"db\",\n"
                       "      \"servers\": 1,\n"
                       "      \"delay\": false,\n"
                       "      \"service_time_s\": 0.6,\n"
                       "      \"visits\": 1,\n"
                       "      \"throughput_per_s\": 1.6666666666666667,\n"
                       "      \"utilization\": 1,\n"
                       "      \"mean_in_station\": null,\n"
                       "      \"response_per_visit_s\": null,\n"
                       "      \"residence_s\": null,\n"
                       "      \"saturated\": true\n"
                       "    },\n"
                       "    {\n"
                       "      \"name\": \"lan\",\n"
                       "      \"servers\": null,\n"
                       "      \"delay\": true,\n"
                       "      \"service_time_s\": 0.0005,\n"
                       "      \"visits\": 3,\n"
                       "      \"throughput_per_s\": 6,\n"
                       "      \"utilization\": 0,\n"
                       "      \"mean_in_station\": 0.003,\n"
                       "      \"response_per_visit_s\": 0.0005,\n"
                       "      \"residence_s\": 0.0015,\n"
                       "      \"saturated\": false\n"
                       "    }\n"
                       "  ],\n"
                       "  \"system\": {\n"
                       "    \"throughput_per_s\": 2,\n"
                       "    \"mean_in_system\": null,\n"
                       "    \"response_s\": null,\n"
                       "    \"saturated\": true\n"
                       "  },\n"
                       "  \"warnings\": [\n"
                       "    {\n"
                       "      \"code\": \"saturated\",\n"
                       "      \"station\": \"db\",\n"
                       "      \"message\": \"station 'db' is saturated (utilization would be 100% "
                       "or more): its "
                       "queue grows without bound\"\n"
                       "    }\n"
                       "  ]\n"
                       "}\n"));
    CHECK(capplan::report::render_network_json(closed_network(), "") ==
          with_version("{\n"
                       "  \"schema_version\": 1,\n"
                       "  \"tool\": {\n"
                       "    \"name\": \"capplan\",\n"
                       "    \"version\": \"@VERSION@\"\n"
                       "  },\n"
                       "  \"network\": {\n"
                       "    \"file\": null,\n"
                       "    \"kind\": \"closed\",\n"
                       "    \"population\": 4,\n"
                       "    \"think_time_s\": 2\n"
                       "  },\n"
                       "  \"stations\": [\n"
                       "    {\n"
                       "      \"name\": \"cpu\",\n"
                       "      \"servers\": 2,\n"
                       "      \"delay\": false,\n"
                       "      \"service_time_s\": 0.5,\n"
                       "      \"visits\": 1,\n"
                       "      \"throughput_per_s\": 1.5811023622047244,\n"
                       "      \"utilization\": 0.3952755905511811,\n"
                       "      \"mean_in_station\": 0.8377952755905511,\n"
                       "      \"response_per_visit_s\": 0.5298804780876494,\n"
                       "      \"residence_s\": 0.5298804780876494,\n"
                       "      \"saturated\": false\n"
                       "    }\n"
                       "  ],\n"
                       "  \"system\": {\n"
                       "    \"throughput_per_s\": 1.5811023622047244,\n"
                       "    \"mean_in_system\": 0.8377952755905511,\n"
                       "    \"response_s\": 0.5298804780876494,\n"
                       "    \"mean_thinking\": 3.162204724409449,\n"
                       "    \"saturated\": false\n"
                       "  },\n"
                       "  \"warnings\": []\n"
                       "}\n"));
}

TEST_CASE("network report: csv", "[network][report]") {
    // Non-finite values are empty cells; records end in CRLF.
    CHECK(capplan::report::render_network_csv(open_network(0.6)) ==
          "station,servers,delay,service_time_s,visits,throughput_per_s,utilization,mean_in_"
          "station,response_per_visit_s,residence_s,saturated\r\n"
          "web,2,false,0.25,2,4,0.5,1.3333333333333335,0.33333333333333337,0.6666666666666667,"
          "false\r\n"
          "db,1,false,0.6,1,1.6666666666666667,1,,,,true\r\n"
          "lan,,true,5e-04,3,6,0,0.003,5e-04,0.0015,false\r\n"
          "system,,,,,2,,,,,true\r\n");
    CHECK(capplan::report::render_network_csv(closed_network()) ==
          "station,servers,delay,service_time_s,visits,throughput_per_s,utilization,mean_in_"
          "station,response_per_visit_s,residence_s,saturated\r\n"
          "cpu,2,false,0.5,1,1.5811023622047244,0.3952755905511811,0.8377952755905511,0."
          "5298804780876494,0.5298804780876494,false\r\n"
          "system,,,,,1.5811023622047244,,0.8377952755905511,,0.5298804780876494,false\r\n");
}
