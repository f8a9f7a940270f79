#include "cli/output.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "common/errors.hpp"
#include "common/printable.hpp"
#include "workload/toml_read.hpp"

namespace capplan::cli {
namespace {

void write_stdout(const std::string& text) {
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EPIPE) {
                throw ClosedPipe{};
            }
            throw IoError("<stdout>", "cannot write", std::strerror(errno));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// Writes all of text to fd; on failure closes fd and throws IoError naming path.
void write_all(int fd, const std::string& text, const std::string& path) {
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int saved = errno;
            ::close(fd);
            throw IoError(path, "cannot write", std::strerror(saved));
        }
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

void write_file_atomically(const std::string& text, const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::is_directory(status)) {
        throw IoError(path, "cannot write", "is a directory");
    }
    if (fs::exists(status) && !fs::is_regular_file(status)) {
        // A device or a pipe (/dev/null, /dev/stdout, a FIFO): write into it; renaming a
        // file over it would replace the device.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) {
            throw IoError(path, "cannot write", std::strerror(errno));
        }
        write_all(fd, text, path);
        ::close(fd);
        return;
    }
    const fs::path target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) {
        throw IoError(path, "cannot write", std::strerror(errno));
    }
    try {
        write_all(fd, text, path);
    } catch (const IoError&) {
        ::unlink(tmpl.c_str());
        throw;
    }
    // Files are created 0600 by mkstemp; give the result the usual 0666 & ~umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
    if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmpl.c_str());
        throw IoError(path, "cannot write", std::strerror(saved));
    }
}

// All of `in`, refusing more than workload::k_max_toml_bytes: a device such as /dev/zero or an
// endless pipe must not be read forever.
std::string read_bounded(std::istream& in, const std::string& display) {
    std::string text;
    std::array<char, 65536> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > workload::k_max_toml_bytes) {
            throw InputError(display, 0, 0, std::string(workload::k_file_too_large));
        }
    }
    if (in.bad()) {
        throw IoError(display, "cannot open", "read error");
    }
    return text;
}

} // namespace

void write_output(const std::string& text, const std::optional<std::string>& path) {
    if (!path || path->empty() || *path == "-") {
        write_stdout(text);
        return;
    }
    write_file_atomically(text, *path);
}

void print_warning(const std::string& message) {
    std::cerr << "capplan: warning: " << printable(message) << '\n';
}

std::string read_input(const std::string& path) {
    const std::string display = input_display_name(path);
    if (path == "-") {
        return read_bounded(std::cin, display);
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status)) {
        const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
        throw IoError(display, "cannot open", missing ? "no such file" : ec.message());
    }
    if (fs::is_directory(status)) {
        throw IoError(display, "cannot open", "is a directory");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw IoError(display, "cannot open", std::strerror(errno));
    }
    return read_bounded(in, display);
}

std::string input_display_name(const std::string& path) {
    return path == "-" ? "<stdin>" : printable(path);
}

} // namespace capplan::cli
