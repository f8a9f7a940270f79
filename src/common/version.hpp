#pragma once
// The release this binary was built from: the newest "## [X.Y.Z]" heading of CHANGELOG.md, which
// CMakeLists.txt reads. It is defined in one generated source (cmake/version.cpp.in), so a new
// release rebuilds that unit alone and every other object stays shareable by a compiler cache.

namespace capplan {

// "X.Y.Z", as `capplan --version` and the `version` of JSON output print it.
[[nodiscard]] const char* version() noexcept;

} // namespace capplan
