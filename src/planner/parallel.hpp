#pragma once
// The planner's one device for parallel work: a shared queue of task indices taken by up to
// eight threads, each with its own web hints. The plan does not depend on how many threads run
// (every task writes only its own slot), only the time it takes.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

#include "planner/choice.hpp"
#include "planner/components.hpp"

namespace capplan::planner {

inline constexpr std::size_t k_max_threads = 8;

// Runs task(i, hints) for every i in `order` on up to `threads` threads (0: the machine's
// cores; never more than k_max_threads), each taking the next index; every worker has its own
// web hints. The first error (in `order`) is rethrown once all workers are done; no index is
// handed out after it. When no thread can be started, the calling thread does all the work.
template <class Task>
void for_each_index(const std::vector<std::size_t>& order, unsigned threads, const Task& task) {
    const std::size_t n = order.size();
    std::atomic<std::size_t> next{0};
    std::mutex guard;
    std::size_t failed_at = n;
    std::exception_ptr error;
    const auto worker = [&] {
        WebHints hints(std::size_t{1} << k_component_count);
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                task(order[i], hints);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(guard);
                if (i < failed_at) {
                    failed_at = i;
                    error = std::current_exception();
                }
                next = n; // the others stop after their current index
            }
        }
    };
    const unsigned cores =
        threads > 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
    const std::size_t extra = std::min<std::size_t>({cores, k_max_threads, n}) - (n > 0 ? 1 : 0);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < extra; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break; // fewer threads: the work is the same
        }
    }
    worker();
    for (std::thread& t : pool) {
        t.join();
    }
    if (error) {
        std::rethrow_exception(error);
    }
}

} // namespace capplan::planner
