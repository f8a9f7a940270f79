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

struct NetworkOptions {
    std::string file;
    OutputOptions output;
};

} // namespace capplan::cli
