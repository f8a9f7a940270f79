#pragma once
// Where results and diagnostics go. Only cli/ touches stdout, stderr and output files.

#include <optional>
#include <string>

namespace capplan::cli {

// Thrown when stdout is a closed pipe (`capplan ... | head`): main exits 0 quietly.
struct ClosedPipe {};

// Writes text to stdout (path empty or "-") or to the file at path, whole or not at all:
// a temporary file next to it is written, flushed and renamed over it. Throws IoError when
// the file cannot be written and ClosedPipe when stdout is closed.
void write_output(const std::string& text, const std::optional<std::string>& path);

// Prints `capplan: warning: MESSAGE` on stderr.
void print_warning(const std::string& message);

// Reads a whole input file (or standard input for "-"); throws IoError for a missing file,
// a directory or a read error, and InputError for more than 1 MiB (a device such as /dev/zero
// included), naming the file by input_display_name.
[[nodiscard]] std::string read_input(const std::string& path);

// How diagnostics and JSON name an input: "<stdin>" for "-", otherwise the path as the user gave
// it with control characters and bytes that are not UTF-8 escaped (common/printable.hpp).
[[nodiscard]] std::string input_display_name(const std::string& path);

} // namespace capplan::cli
