#pragma once
// Files compiled into the binary at build time (CMakeLists.txt runs cmake/embed_files.cmake):
// the shipped catalogue models/*.toml and the built-in default workload
// examples/photo-sharing.toml.

#include <string_view>
#include <vector>

namespace capplan::workload {

struct EmbeddedFile {
    std::string_view name; // the file name without directory ("ec2.toml")
    std::string_view text;
};

// The models/ files in the order CMakeLists.txt lists them.
[[nodiscard]] std::vector<EmbeddedFile> embedded_models();

// The text of examples/photo-sharing.toml: what `capplan init` writes and what `plan` and `check`
// use without a WORKLOAD argument.
[[nodiscard]] std::string_view embedded_default_workload();

} // namespace capplan::workload
