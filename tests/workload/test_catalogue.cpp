// The catalogue (docs/models.md#catalogue): the shipped models/ tables, tiered prices (infracost's
// CloudFront golden), families,
// --models DIR overrides and every error path of a catalogue file.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/errors.hpp"
#include "workload/catalogue.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/embedded.hpp"

using namespace capplan::workload;
using capplan::InputError;
using capplan::IoError;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr double k_gib = 1024.0 * 1024.0 * 1024.0;

std::string diagnostic(const std::string& text) {
    try {
        (void)parse_catalogue(text, "m.toml");
    } catch (const InputError& e) {
        return render_diagnostic(e);
    }
    return "no error";
}

// A scratch directory under the system temp dir, removed at the end of the test.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / name) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
    }
};

const char* const k_header = "source = \"test\"\ndate = \"2024-06\"\n";

} // namespace

TEST_CASE("CloudFront tiers reproduce the published bill", "[catalogue][price]") {
    // infracost (cloudfront_distribution_test.golden): 12,340,000 GB/month →
    // 870.40 + 3,276.80 + 6,144.00 + 14,336.00 + 16,097.28 + 104,857.60 + 141,942.40.
    const Catalogue c = load_catalogue(std::nullopt);
    const PriceTable& cf = c.price_tables.at("cloudfront-2024");
    const double expected =
        870.40 + 3276.80 + 6144.00 + 14336.00 + 16097.28 + 104857.60 + 141942.40;
    CHECK_THAT(cf.cost_for_gb(12'340'000.0), WithinRel(expected, 1e-12));
    // Each tier boundary alone: the first tier's 10,240 GB cost $870.40 (F1, first row).
    CHECK_THAT(cf.cost_for_gb(10'240.0), WithinRel(870.40, 1e-12));
    CHECK_THAT(cf.cost_for_gb(10'240.0 + 40'960.0), WithinRel(870.40 + 3276.80, 1e-12));
    // F1 request fees: 12.3402 × 10k HTTP requests → $0.09; 12.34 × 10k HTTPS → $0.12.
    CHECK_THAT(12.3402 * cf.per_10k_http_requests, WithinAbs(0.09, 0.005));
    CHECK_THAT(12.34 * cf.per_10k_https_requests, WithinAbs(0.12, 0.005));
    CHECK(cf.cost_for_gb(0.0) == 0.0);
    CHECK(cf.cost_for_gb(-5.0) == 0.0);
    // models/transfer.toml aws-internet-2024: 200 TB = 10 TB·0.09 + 40 TB·0.085 + 100 TB·0.07 + 50
    // TB·0.05.
    const PriceTable& net = c.price_tables.at("aws-internet-2024");
    CHECK_THAT(net.cost_for_gb(200.0 * 1024.0),
               WithinRel(1024.0 * (10 * 0.09 + 40 * 0.085 + 100 * 0.07 + 50 * 0.05), 1e-12));
    CHECK_THAT(c.price_tables.at("aws-cross-zone-2024").cost_for_gb(100.0), WithinRel(1.0, 1e-12));
}

TEST_CASE("The shipped catalogue holds the documented instances", "[catalogue]") {
    const Catalogue c = load_catalogue(std::nullopt);
    const Instance& c7i = c.instances.at("c7i.xlarge");
    CHECK(c7i.family == "c7i");
    CHECK(c7i.vcpus == 4);
    CHECK(c7i.cores == 2);
    CHECK(c7i.threads_per_core == 2);
    CHECK(c7i.memory_bytes == 8.0 * k_gib);
    CHECK(c7i.hourly == 0.1785);
    CHECK(c7i.effective_cores() == 2.5); // docs/models.md#conventions: 2 cores · 1.25
    CHECK(c7i.source == "models/ec2.toml");
    CHECK(c.instances.at("c7g.2xlarge").effective_cores() == 8.0);
    CHECK(c.instances.at("m7i.2xlarge").hourly == 0.4032);
    CHECK(c.instances.at("db.r7g.16xlarge").memory_bytes == 512.0 * k_gib);
    CHECK(c.instances.at("db.r7g.16xlarge").hourly == 7.651);
    CHECK(c.instances.at("cache.r7g.large").memory_bytes == 13.07 * k_gib);
    CHECK(c.instances.at("cache.t4g.small").hourly == 0.032);
    CHECK(c.instances.size() == 20); // models/: 4 c7i, 3 m7i, 3 c7g, 6 db.r7g, 4 cache
    for (const char* file : {"models/ec2.toml", "models/rds.toml", "models/elasticache.toml",
                             "models/transfer.toml"}) {
        INFO(file);
        CHECK_THAT(c.sources.at(file), Contains("(2024-06)"));
    }
}

TEST_CASE("Families are ordered by size", "[catalogue]") {
    const Catalogue c = load_catalogue(std::nullopt);
    const auto db = c.family("db.r7g");
    REQUIRE(db.size() == 6);
    CHECK(db.front()->name == "db.r7g.large");
    CHECK(db[3]->name == "db.r7g.4xlarge");
    CHECK(db.back()->name == "db.r7g.16xlarge");
    CHECK(c.family("c7i").size() == 4);
    CHECK(c.family("cache.r7g").size() == 3);
    CHECK(c.family("nothing").empty());
}

TEST_CASE("A models directory overrides and extends", "[catalogue]") {
    const TempDir dir("capplan_test_models");
    dir.write("b.toml", std::string(k_header) + R"(
[instance."c7i.large"]
vcpus = 2
cores = 1
threads_per_core = 2
memory = "4GiB"
hourly = 0.05

[instance."x9.huge"]
vcpus = 96
cores = 48
threads_per_core = 2
memory = "768GiB"
hourly = 9.5
)");
    dir.write("a.toml", std::string(k_header) + R"(
[instance."x9.huge"]
vcpus = 64
cores = 32
threads_per_core = 2
memory = "512GiB"
hourly = 8
)");
    dir.write("notes.txt", "ignored");
    const Catalogue c = load_catalogue(dir.path.string());
    CHECK(c.instances.at("c7i.large").hourly == 0.05);
    CHECK(c.instances.at("c7i.xlarge").hourly == 0.1785);
    // Files load in name order: b.toml's x9.huge replaces a.toml's.
    CHECK(c.instances.at("x9.huge").vcpus == 96);
    CHECK(c.instances.at("x9.huge").source == (dir.path / "b.toml").string());
}

TEST_CASE("A models directory: errors", "[catalogue]") {
    CHECK_THROWS_AS(load_catalogue(std::string("/nonexistent/capplan-models")), IoError);
    try {
        (void)load_catalogue(std::string("/nonexistent/capplan-models"));
    } catch (const IoError& e) {
        CHECK(render_diagnostic(e) ==
              "capplan: /nonexistent/capplan-models: error: cannot open: no such directory");
    }
    const TempDir dir("capplan_test_models_bad");
    dir.write("bad.toml", std::string(k_header) + "[instance.\"a.b\"]\nvcpus = \"two\"\n");
    try {
        (void)load_catalogue(dir.path.string());
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == (dir.path / "bad.toml").string());
        CHECK(e.line() == 4);
        CHECK(e.column() == 9);
        CHECK(e.message() == "instance 'a.b' vcpus must be an integer, not a string");
    }
}

TEST_CASE("Catalogue file errors", "[catalogue]") {
    const std::string h = k_header;
    const std::string good = R"(
vcpus = 2
cores = 1
threads_per_core = 2
memory = "4GiB"
hourly = 0.1
)";
    CHECK(diagnostic("date = \"2024\"\n") ==
          "capplan: m.toml: error: a catalogue file must say its 'source' (a string)");
    CHECK(diagnostic(h + "instances = 1\n") ==
          "capplan: m.toml:3:1: error: unknown key 'instances' in a catalogue file; did you mean "
          "'instance'?");
    CHECK(diagnostic(h + "[instance.\"a.b\"]\nvcpu = 2\n") ==
          "capplan: m.toml:4:1: error: unknown key 'vcpu' in instance 'a.b'; did you mean "
          "'vcpus'?");
    CHECK(diagnostic(h + "[instance.\"a.b\"]\nvcpus = 2\n") ==
          "capplan: m.toml:3:11: error: instance 'a.b' needs 'cores'");
    CHECK(diagnostic(h + "[instance.\"a.b\"]\nvcpus = 4\ncores = 1\nthreads_per_core = 2\n"
                         "memory = \"4GiB\"\nhourly = 1\n") ==
          "capplan: m.toml:5:9: error: instance 'a.b': cores × threads_per_core = 1 × 2 must "
          "equal vcpus = 4");
    CHECK(diagnostic(h + "[instance.\"a.b\"]\nvcpus = 2\ncores = 1\nthreads_per_core = 2\n"
                         "memory = \"4G\"\nhourly = 1\n") ==
          "capplan: m.toml:7:10: error: instance 'a.b' memory: size '4G' is ambiguous: write "
          "4GB (10^9) or 4GiB (2^30)");
    CHECK(diagnostic(h + "[instance.\"a.b\"]\nvcpus = 2\ncores = 1\nthreads_per_core = 2\n"
                         "memory = \"4GiB\"\nhourly = -1\n") ==
          "capplan: m.toml:8:10: error: instance 'a.b' hourly must be between 0 and 1000000000");
    CHECK(diagnostic(h + "[instance.auto]" + good) ==
          "capplan: m.toml:3:11: error: 'auto' is a keyword and cannot name an instance");
    CHECK(diagnostic(h + "[instance.\"a b\"]" + good) ==
          "capplan: m.toml:3:11: error: instance name 'a b' must be 1 to 64 letters, digits, "
          "'.', '-' or '_'");
    CHECK(diagnostic(h + "[price_table.p]\ntiers = []\n") ==
          "capplan: m.toml:4:9: error: price table 'p' tiers must be a non-empty array of tables");
    CHECK(diagnostic(h + "[price_table.p]\ntiers = [{ per_gb = 1 }, { per_gb = 2 }]\n") ==
          "capplan: m.toml:4:10: error: price table 'p' tier 1 needs 'up_to_tb' (only the last "
          "tier has no end)");
    CHECK(diagnostic(h + "[price_table.p]\ntiers = [{ up_to_tb = 5, per_gb = 1 }, { up_to_tb = "
                         "5, per_gb = 2 }]\n") ==
          "capplan: m.toml:4:53: error: price table 'p' tier 2 up_to_tb must be above the "
          "previous tier's (5 TB)");
    CHECK(diagnostic(h + "[price_table.p]\ntiers = [{ up_to_tb = 5 }]\n") ==
          "capplan: m.toml:4:10: error: price table 'p' tier 1 needs 'per_gb'");
    CHECK(diagnostic(h + "[price_table.p]\ntiers = [{ per_gb = nan }]\n") ==
          "capplan: m.toml:4:21: error: price table 'p' tier 1 per_gb must be a finite number, "
          "not nan");
}

TEST_CASE("Embedded files are the repository's files", "[catalogue][embedded]") {
    const auto models = embedded_models();
    REQUIRE(models.size() == 4);
    CHECK(models[0].name == "ec2.toml");
    CHECK(models[3].name == "transfer.toml");
    for (const auto& m : models) {
        CHECK_FALSE(m.text.empty());
        CHECK(m.text.find('\0') == std::string_view::npos);
    }
    CHECK(embedded_default_workload().substr(0, 17) == "# capplan workloa");
    CHECK(embedded_default_workload().back() == '\n');
}
