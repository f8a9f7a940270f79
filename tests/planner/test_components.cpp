// The component table and the candidate sets (docs/models.md#stage).

#include <catch2/catch.hpp>

#include "planner/components.hpp"
#include "workload/workload.hpp"

using namespace capplan;
using namespace capplan::planner;

TEST_CASE("Candidate sets are closed under prerequisites, by size then path order", "[stage]") {
    const workload::Workload w;
    const auto sets = candidate_architectures(w);
    // Hand count (docs/models.md#stage): log_aggregation is never a choice and session_store comes
    // with load_balancer. Without separate_db: cdn and message_queue free, 4 sets; with it:
    // load_balancer, read_replicas, cache, sharding, cdn, message_queue free (64), plus
    // multi_datacenter where load_balancer and read_replicas are both in (2^4 = 16): 84.
    REQUIRE(sets.size() == 84);
    CHECK(sets[0].bits == 0);
    CHECK(sets[1].names() == std::vector<std::string>{"separate_db"});
    CHECK(sets[2].names() == std::vector<std::string>{"single_server", "cdn"});
    CHECK(sets[3].names() == std::vector<std::string>{"single_server", "message_queue"});
    CHECK(sets[4].names() == std::vector<std::string>{"separate_db", "read_replicas"});
    CHECK(sets.back().size() == 9); // every component but log_aggregation
    for (const Architecture a : sets) {
        CHECK_FALSE(a.has(Component::log_aggregation));
        CHECK(a.has(Component::session_store) == a.has(Component::load_balancer));
    }
    // Sticky sessions keep them on the web servers; one data centre rules out the 16 sets
    // with multi_datacenter.
    workload::Workload sticky;
    sticky.web.sticky_sessions = true;
    for (const Architecture a : candidate_architectures(sticky)) {
        CHECK_FALSE(a.has(Component::session_store));
    }
    CHECK(candidate_architectures(sticky).size() == 84);
    workload::Workload one_centre;
    one_centre.failover.max_datacenters = 1;
    CHECK(candidate_architectures(one_centre).size() == 68);
    for (const Architecture a : sets) {
        for (int i = 0; i < k_component_count; ++i) {
            const auto c = static_cast<Component>(i);
            if (a.has(c)) {
                CHECK(a.contains(component_info(c).needs));
            }
        }
    }
}

TEST_CASE("The component table names, abbreviates and orders the path", "[stage]") {
    const auto& table = component_table();
    REQUIRE(table.size() == static_cast<std::size_t>(k_component_count));
    for (std::size_t i = 0; i < table.size(); ++i) {
        CHECK(static_cast<std::size_t>(table[i].component) == i);
        CHECK(find_component(table[i].name) == &table[i]);
        // Prerequisites come earlier on the path than the component that needs them.
        CHECK((table[i].needs.bits >> i) == 0);
    }
    CHECK(find_component("single_server") == nullptr);
    CHECK(find_component("cahce") == nullptr);
    Architecture a;
    CHECK(short_stage(a) == "single");
    a.add(Component::separate_db);
    a.add(Component::cache);
    CHECK(short_stage(a) == "db+cache");
    CHECK(a.names() == std::vector<std::string>{"separate_db", "cache"});
    CHECK(with_prerequisites(Component::multi_datacenter).names() ==
          std::vector<std::string>{"separate_db", "load_balancer", "read_replicas",
                                   "multi_datacenter"});
}
