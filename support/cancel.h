// Cooperative cancellation: a cheap, copyable token that long-running work
// checks at checkpoints (between rules, between files). Cancelling is
// thread-safe and idempotent.
#pragma once

#include <atomic>
#include <memory>

namespace sparkmigrate::support {

class CancellationToken {
 public:
  CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void cancel() const { flag_->store(true, std::memory_order_relaxed); }
  bool cancelled() const { return flag_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace sparkmigrate::support
