// Private to the plugins in this repository (not part of the installed SDK):
// a writer's own threads, which render articles while the host goes on
// reading, and give the results back in the order the articles came.
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

/// The threads a writer starts for `-j jobs` (WriteContext::jobs): one fewer
/// than the jobs, since the thread that calls the writer renders too. -j 1
/// starts none. The host's reader threads run meanwhile, but they wait when
/// the writer falls behind (their window is bounded), so the writer's share
/// of the cores follows the work.
inline std::size_t writer_threads(unsigned jobs) {
  return jobs > 1 ? jobs - 1 : 0;
}

/// Renders items on `threads` threads and hands each result to `take`, on
/// the thread that calls add() and finish(), in the order the items were
/// added. Each thread has a State of its own (a compressor, say), and so
/// does the caller, which renders too whenever the threads fall behind:
/// with N threads, N + 1 share the work. With 0 threads add() renders and
/// takes the item at once, and no thread is started.
///
/// Items go to the threads `items_per_job` at a time: each hand-over costs
/// a futex wake-up and a context switch, on a virtual machine about as
/// much as rendering a short article. At most 2 × (threads + 1) + 1 jobs are
/// out at once, so memory stays small however many items come.
///
/// An exception from `render` reaches the caller of add() or finish() that
/// takes that item's job (the job's other items are not taken); one from
/// `take` propagates from there too. Jobs not yet taken when the renderer is
/// destroyed are dropped.
template <class Item, class Rendered, class State>
class OrderedRenderer {
 public:
  using Render = std::function<Rendered(const Item&, State&)>;
  using Take = std::function<void(Rendered&&)>;

  OrderedRenderer(std::size_t threads, Render render, Take take, std::size_t items_per_job = 8)
      : render_(std::move(render)),
        take_(std::move(take)),
        items_per_job_(std::max<std::size_t>(1, items_per_job)) {
    try {
      for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
    } catch (...) {
      stop();  // the destructor will not run: join the threads that did start
      throw;
    }
  }

  ~OrderedRenderer() { stop(); }

  OrderedRenderer(const OrderedRenderer&) = delete;
  OrderedRenderer& operator=(const OrderedRenderer&) = delete;

  std::size_t threads() const { return threads_.size(); }

  void add(Item item) {
    if (threads_.empty()) {
      take_(render_(item, own_));
      return;
    }
    pending_.push_back(std::move(item));
    if (pending_.size() < items_per_job_) return;
    submit_pending();
    take_done(false);
  }

  /// Renders and takes every item added so far.
  void finish() {
    submit_pending();
    take_done(true);
  }

 private:
  using Results = std::vector<Rendered>;

  void stop() noexcept {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  using Job = std::packaged_task<Results(State&)>;

  // Jobs given out and not yet taken: two for each thread and for the
  // caller, so that a thread finding its next job ready seldom waits (with
  // one each, the 2-core EPUB run was 5-15 % slower), while memory stays at
  // a few jobs' worth of articles.
  std::size_t window() const { return 2 * (threads_.size() + 1); }

  void submit_pending() {
    if (pending_.empty()) return;
    Job job([this, items = std::move(pending_)](State& state) {
      Results results;
      results.reserve(items.size());
      for (const auto& item : items) results.push_back(render_(item, state));
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
        // Rather than wait, render a job no thread has started.
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
    job(own_);  // an exception is stored in the job's future, not thrown here
    return true;
  }

  void work() {
    State state;
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

  Render render_;
  Take take_;
  std::size_t items_per_job_;
  State own_;                             // the caller's, for the jobs it renders itself
  std::vector<Item> pending_;             // not yet given to the threads
  std::deque<std::future<Results>> out_;  // given, in order, not yet taken
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;  // given, not yet started
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started after everything they use
};

}  // namespace docconv::support
