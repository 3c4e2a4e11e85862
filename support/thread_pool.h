// Parallel loops for the CLI: runs a function over indices [0, count) on a
// fixed number of worker threads, dynamically balanced (files vary wildly in
// size). Exceptions escaping the function are caught per item and reported
// through the callback's own error handling, never across threads.
#pragma once

#include <cstddef>
#include <functional>

namespace sparkmigrate::support {

// Number of worker threads to use when the user did not say: the hardware
// concurrency, at least 1.
unsigned defaultJobs();

// Calls `fn(i)` for every i in [0, count) using up to `jobs` threads. Returns
// when all calls have finished. `fn` must not throw.
void parallelFor(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn);

}  // namespace sparkmigrate::support
