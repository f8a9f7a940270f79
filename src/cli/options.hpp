#pragma once
// Plain option structs filled by app.cpp (the only file that includes CLI11) and read by
// one file per command. Values stay as the user typed them; each command parses its own so
// that errors name the flag.

#include <optional>
#include <string>
#include <vector>

namespace capplan::cli {

// -f, -o and --get, shared by the commands that print results.
struct OutputOptions {
    std::string format; // empty: the command's default
    std::optional<std::string> output_file;
    std::optional<std::string> get;
};

struct QueueOptions {
    std::string arrival;
    std::string service;
    std::optional<std::string> servers;
    std::optional<std::string> max_util;
    std::optional<std::string> max_wait_prob;
    std::optional<std::string> mean_wait;
    std::optional<std::string> mean_response;
    std::optional<std::string> wait_p99;
    std::optional<std::string> response_p99;
    std::vector<std::string> wait_p;     // "Q:TIME", repeatable
    std::vector<std::string> response_p; // "Q:TIME", repeatable
    std::optional<std::string> service_cv;
    std::optional<std::string> arrival_cv;
    std::optional<std::string> capacity;
    OutputOptions output;
};

// The flags every command that plans a workload takes (capplan(1) capplan plan).
struct PlanInputs {
    std::optional<std::string> workload; // a file, "-" for stdin, none for the built-in default
    std::optional<std::string> users;
    std::optional<std::string> per_decade;
    std::vector<std::string> set;
    std::optional<std::string> models_dir;
    std::string color = "auto";
    std::string choice = "path"; // --choice: path or point
};

struct PlanOptions {
    PlanInputs inputs;
    OutputOptions output;
    std::optional<std::string> fields;
    std::string breakpoints = "summary"; // --breakpoints: all, summary or none
};

// `capplan check` (capplan(1) capplan check, BUDGETS).
struct CheckOptions {
    PlanInputs inputs;
    OutputOptions output;
    std::vector<std::string> budget_files; // --budget, repeatable
    std::optional<std::string> compare_to; // a saved `plan -f json`
    bool strict = false;
    bool exit_zero = false;
};

// `capplan diff BASE NEW` (capplan(1) capplan diff): each side a workload TOML or a saved plan
// JSON; the plan flags apply to the TOML sides.
struct DiffOptions {
    std::string base;
    std::string next;
    PlanInputs inputs; // inputs.workload is unused
    OutputOptions output;
};

struct InitOptions {
    std::optional<std::string> file;
    bool force = false;
};

struct ModelsOptions {
    std::optional<std::string> kind;
    std::optional<std::string> models_dir;
    OutputOptions output;
};

struct ValidateOptions {
    std::vector<std::string> files;
    std::optional<std::string> models_dir;
};

struct NetworkOptions {
    std::string file;
    OutputOptions output;
};

} // namespace capplan::cli
