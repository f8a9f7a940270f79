#pragma once
// Test helpers shared across tests/: files of the source tree (examples/, man/, fuzz/), a
// temporary directory, the diagnostic line a typed error renders to, and the real binary's
// output.

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "common/errors.hpp"
#include "support/test_paths.hpp"

namespace capplan::test {

// The bytes of a file of the source tree, e.g. read_source("examples/blog.toml").
inline std::string read_source(const std::string& relative) {
    std::ifstream in(std::filesystem::path(source_dir()) / relative, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
public:
    TempDir() {
        std::random_device seed;
        m_path = std::filesystem::temp_directory_path() /
                 ("capplan-test-" + std::to_string(seed()) + std::to_string(seed()));
        std::filesystem::create_directories(m_path);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return m_path; }

    // Writes `bytes` to NAME in the directory and returns its path.
    [[nodiscard]] std::string write(const std::string& name, const std::string& bytes) const {
        const std::filesystem::path file = m_path / name;
        std::ofstream out(file, std::ios::binary);
        out << bytes;
        REQUIRE(out);
        return file.string();
    }

private:
    std::filesystem::path m_path;
};

// The diagnostic line of the capplan::Error (InputError, UsageError, IoError) that `run` throws
// (what main prints), or "no error". Any other exception escapes and fails the test.
template <class F>
std::string diagnostic_of(F&& run) {
    try {
        run();
    } catch (const Error& e) {
        return render_diagnostic(e);
    }
    return "no error";
}

// The standard output of a shell command line run from the source directory, with `capplan`
// at its start replaced by the real binary (so `capplan plan ... | sort -n` runs as a user
// types it); standard error is dropped. The line must exit 0.
inline std::string run_shell(const std::string& command_line) {
    std::string command = std::string("cd '") + source_dir() + "' && ";
    const std::string name = "capplan ";
    command += command_line.rfind(name, 0) == 0
                   ? "'" + std::string(capplan_binary()) + "' " + command_line.substr(name.size())
                   : command_line;
    command += " 2>/dev/null";
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n = 0; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        out.append(buffer, n);
    }
    CHECK(pclose(pipe) == 0);
    return out;
}

} // namespace capplan::test
