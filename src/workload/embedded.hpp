#pragma once
// Files compiled into the binary at build time (CMakeLists.txt runs cmake/embed_files.cmake):
// the shipped catalogue models/*.toml, the built-in default workload examples/photo-sharing.toml
// and the template templates/workload.toml.

#include <string_view>
#include <vector>

namespace capplan::workload {

struct EmbeddedFile {
    std::string_view name; // the file name without directory ("ec2.toml")
    std::string_view text;
};

// The models/ files in the order CMakeLists.txt lists them.
[[nodiscard]] std::vector<EmbeddedFile> embedded_models();

// The text of examples/photo-sharing.toml: what `plan` and `check` use without a WORKLOAD
// argument. A workload like any other: its values are chosen for its story.
[[nodiscard]] std::string_view embedded_default_workload();

// The text of templates/workload.toml: what `capplan init` writes, every key at its default with
// its documentation.
[[nodiscard]] std::string_view embedded_init_template();

} // namespace capplan::workload
