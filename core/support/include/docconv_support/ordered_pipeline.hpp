// Private to this repository (not part of the installed SDK): the one way
// docconv does work on several threads. The host reads inputs with it, the
// EPUB writer deflates pages with it (docs/architecture.md, "Threads").
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace docconv::support {

/// The threads to start for `-j jobs`: one fewer than the jobs, since the
/// thread that adds the items processes them too. -j 1 starts none.
inline std::size_t pipeline_threads(std::size_t jobs) {
  return jobs > 1 ? jobs - 1 : 0;
}

/// Items per job for `count` items on `threads` threads: up to 8, so that a
/// hand-over's cost is shared, and fewer for small sets, so that every
/// thread gets a share (docs/performance.md measures why).
inline std::size_t items_per_job(std::size_t count, std::size_t threads) {
  return std::clamp<std::size_t>(count / ((threads + 1) * 16), 1, 8);
}

/// Processes items on `threads` threads and hands each result to `take`, on
/// the thread that calls add() and finish(), in the order the items were
/// added. Each thread has a State of its own (a reader, a compressor), made
/// by `make_state` on the calling thread before any thread starts; so does
/// the caller, which processes too whenever the threads fall behind: with N
/// threads, N + 1 share the work. With 0 threads add() processes and takes
/// the item at once, and no thread is started.
///
/// Items go to the threads `items_per_job` at a time. At most
/// 2 × (threads + 1) + 1 jobs are out at once, so memory stays bounded
/// however many items come.
///
/// An exception from `process` reaches the caller of add() or finish() that
/// takes that item's job (the job's other items are not taken); one from
/// `take` propagates from there too, and the rest of that job's results are
/// dropped. Either way the run is over for the caller: destroy the pipeline
/// (the jobs not yet taken are dropped; a job under way is finished first).
template <class Item, class Result, class State>
class OrderedPipeline {
 public:
  using Process = std::function<Result(const Item&, State&)>;
  using Take = std::function<void(Result&&)>;
  using MakeState = std::function<State()>;

  OrderedPipeline(
      std::size_t threads, Process process, Take take, std::size_t items_per_job = 8,
      const MakeState& make_state = [] { return State{}; })
      : process_(std::move(process)),
        take_(std::move(take)),
        items_per_job_(std::max<std::size_t>(1, items_per_job)) {
    states_.reserve(threads + 1);
    for (std::size_t i = 0; i <= threads; ++i) states_.push_back(make_state());
    try {
      for (std::size_t i = 1; i <= threads; ++i)
        threads_.emplace_back([this, i] { work(states_[i]); });
    } catch (...) {
      stop();  // the destructor will not run: join the threads that did start
      throw;
    }
  }

  ~OrderedPipeline() { stop(); }

  OrderedPipeline(const OrderedPipeline&) = delete;
  OrderedPipeline& operator=(const OrderedPipeline&) = delete;

  std::size_t threads() const { return threads_.size(); }

  void add(Item item) {
    if (threads_.empty()) {
      take_(process_(item, states_[0]));
      return;
    }
    pending_.push_back(std::move(item));
    if (pending_.size() < items_per_job_) return;
    submit_pending();
    take_done(false);
  }

  /// Processes and takes every item added so far.
  void finish() {
    submit_pending();
    take_done(true);
  }

 private:
  using Results = std::vector<Result>;
  using Job = std::packaged_task<Results(State&)>;

  void stop() noexcept {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  // Jobs given out and not yet taken: two for each thread and for the
  // caller, so that a thread finding its next job ready seldom waits.
  std::size_t window() const { return 2 * (threads_.size() + 1); }

  void submit_pending() {
    if (pending_.empty()) return;
    Job job([this, items = std::move(pending_)](State& state) {
      Results results;
      results.reserve(items.size());
      for (const auto& item : items) results.push_back(process_(item, state));
      return results;
    });
    pending_.clear();
    out_.push_back(job.get_future());
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

  void take_done(bool all) {
    while (!out_.empty()) {
      auto& next = out_.front();
      if (next.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        if (!all && out_.size() <= window()) return;
        // Rather than wait, process a job no thread has started.
        if (help()) continue;
        next.wait();
      }
      // Off the queue before get() rethrows what failed on the thread, so
      // that a caller who goes on after the exception does not meet it again.
      std::future<Results> done = std::move(next);
      out_.pop_front();
      for (auto& result : done.get()) take_(std::move(result));
    }
  }

  bool help() {
    Job job;
    {
      std::lock_guard lock(mutex_);
      if (jobs_.empty()) return false;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job(states_[0]);  // an exception is stored in the job's future, not thrown here
    return true;
  }

  void work(State& state) {
    for (;;) {
      Job job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (stopping_) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job(state);
    }
  }

  Process process_;
  Take take_;
  std::size_t items_per_job_;
  std::vector<State> states_;             // [0] is the caller's, [i] thread i's
  std::vector<Item> pending_;             // not yet given to the threads
  std::deque<std::future<Results>> out_;  // given, in order, not yet taken
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;  // given, not yet started
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started after everything they use
};

}  // namespace docconv::support
