// check_instances (workload_file.hpp): every name the workload gives is in the catalogue.

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"

namespace capplan::workload {
namespace {

class InstanceChecker {
public:
    InstanceChecker(const Workload& w, const Catalogue& c) : m_w(w), m_c(c) {
        for (const auto& [name, instance] : c.instances) {
            m_instances.push_back(name);
        }
        for (const auto& [name, table] : c.price_tables) {
            m_tables.push_back(name);
        }
    }

    void run() const {
        instance("single.instance", m_w.single.instance);
        instance("web.instance", m_w.web.instance);
        instance("lb.instance", m_w.lb.instance);
        if (m_w.db.instance != k_auto_instance) {
            instance("db.instance", m_w.db.instance);
        }
        if (m_c.family(m_w.db.family).empty()) {
            std::vector<std::string> families;
            for (const auto& [name, inst] : m_c.instances) {
                families.push_back(inst.family);
            }
            fail("db.family", unknown("db.family", "instance family", m_w.db.family, families));
        }
        instance("db.max_instance", m_w.db.max_instance);
        const Instance& max = m_c.instances.at(m_w.db.max_instance);
        if (max.family != m_w.db.family) {
            fail("db.max_instance", fmt::format("db.max_instance '{}' is not in db.family '{}'",
                                                max.name, m_w.db.family));
        }
        instance("cache.instance", m_w.cache.instance);
        instance("queue.worker_instance", m_w.queue.worker_instance);
        if (m_w.queue.broker != k_managed_broker) {
            instance("queue.broker", m_w.queue.broker);
        }
        instance("sessions.instance", m_w.sessions.instance);
        price_table("cdn.pricing", m_w.cdn.pricing);
        price_table("cdn.egress_pricing", m_w.cdn.egress_pricing);
    }

private:
    static std::string unknown(const std::string& path, const std::string& what,
                               const std::string& name, const std::vector<std::string>& names) {
        std::string message = fmt::format("{}: unknown {} '{}'", path, what, name);
        if (const auto suggestion = closest_match(name, names)) {
            message += fmt::format("; did you mean '{}'?", *suggestion);
        } else {
            message += " (capplan models lists the catalogue)";
        }
        return message;
    }

    [[noreturn]] void fail(const std::string& path, const std::string& message) const {
        const auto it = m_w.positions.find(path);
        const SourcePos pos = it == m_w.positions.end() ? SourcePos{} : it->second;
        if (pos.from_set) {
            throw UsageError("--set", message);
        }
        const std::string file = m_w.file.empty() ? "<built-in workload>" : m_w.file;
        throw InputError(file, pos.line, pos.column, message);
    }

    void instance(const std::string& path, const std::string& name) const {
        if (m_c.instances.count(name) == 0) {
            fail(path, unknown(path, "instance type", name, m_instances));
        }
    }

    void price_table(const std::string& path, const std::string& name) const {
        if (m_c.price_tables.count(name) == 0) {
            fail(path, unknown(path, "price table", name, m_tables));
        }
    }

    const Workload& m_w;
    const Catalogue& m_c;
    std::vector<std::string> m_instances;
    std::vector<std::string> m_tables;
};

} // namespace

void check_instances(const Workload& w, const Catalogue& catalogue) {
    InstanceChecker(w, catalogue).run();
}

} // namespace capplan::workload
