// `capplan init [FILE]`: write the workload template, every key at its default with its comment.

#include <filesystem>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "workload/embedded.hpp"

namespace capplan::cli {

ExitStatus run_init(const InitOptions& o) {
    const std::string text(workload::embedded_init_template());
    if (!o.file || *o.file == "-") {
        write_output(text, std::nullopt);
        return ExitStatus::ok;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(*o.file, ec)) {
        throw IoError(*o.file, "cannot write", "is a directory");
    }
    if (std::filesystem::exists(*o.file, ec) && !o.force) {
        throw IoError(*o.file, "cannot write", "file exists (use --force to replace it)");
    }
    write_output(text, *o.file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
