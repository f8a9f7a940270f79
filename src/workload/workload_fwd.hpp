#pragma once
// The workload and the catalogue, declared: enough for a declaration that takes or passes one by
// reference. Code that reads a workload's fields includes workload.hpp (all of it) or the header
// of the one section it reads (db_section.hpp, ...); code that reads the catalogue includes
// catalogue.hpp.

namespace capplan::workload {

struct Workload;
struct Catalogue;
struct Instance;

} // namespace capplan::workload
