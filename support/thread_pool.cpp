// Implementation of parallelFor: an atomic work index shared by the threads.
#include "support/thread_pool.h"

#include <atomic>
#include <thread>
#include <vector>

namespace sparkmigrate::support {

unsigned defaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void parallelFor(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  if (count == 0) return;
  if (jobs <= 1 || count == 1) {
    for (std::size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) fn(i);
  };
  std::vector<std::thread> threads;
  unsigned n = static_cast<unsigned>(std::min<std::size_t>(jobs, count));
  threads.reserve(n - 1);
  for (unsigned t = 1; t < n; ++t) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
}

}  // namespace sparkmigrate::support
