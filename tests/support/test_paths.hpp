#pragma once
// Where the tests find the source tree and the real binary. Both are defined in one source that
// tests/CMakeLists.txt generates in the build tree, so that no other test unit carries a path and
// a compiler cache can share every other object between two clones in different folders.

namespace capplan::test {

// The source tree's root (examples/, man/, fuzz/ are read from here).
[[nodiscard]] const char* source_dir() noexcept;

// The capplan binary of this build tree.
[[nodiscard]] const char* capplan_binary() noexcept;

} // namespace capplan::test
