// Private to the docconv host: work done on several threads, results used in order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace docconv::host {

/// Runs produce(i, worker) for i in [0, count) on `workers` threads and calls
/// consume(i, result) on the calling thread in index order. At most `window`
/// results wait to be consumed, so memory stays bounded however large
/// `count` is. With one worker everything runs on the calling thread.
/// An exception from consume() stops the workers and propagates; produce()
/// must not throw (it reports failures inside its Result).
template <class Result>
void run_ordered(std::size_t count, std::size_t workers, std::size_t window,
                 const std::function<Result(std::size_t index, std::size_t worker)>& produce,
                 const std::function<void(std::size_t index, Result&& result)>& consume) {
  if (workers <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i, 0));
    return;
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Result> ready;
  std::size_t next_to_produce = 0;
  std::size_t next_to_consume = 0;
  bool stopping = false;

  auto work = [&](std::size_t worker) {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] {
          return stopping || next_to_produce >= count || next_to_produce < next_to_consume + window;
        });
        if (stopping || next_to_produce >= count) return;
        index = next_to_produce++;
      }
      Result result = produce(index, worker);
      {
        std::lock_guard lock(mutex);
        ready.emplace(index, std::move(result));
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> threads;
  // Joins on every way out, exceptions included.
  struct Joiner {
    std::vector<std::thread>& threads;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stopping;
    ~Joiner() {
      {
        std::lock_guard lock(mutex);
        stopping = true;
      }
      changed.notify_all();
      for (auto& thread : threads) thread.join();
    }
  } joiner{threads, mutex, changed, stopping};
  for (std::size_t worker = 0; worker < workers; ++worker) threads.emplace_back(work, worker);

  for (; next_to_consume < count;) {
    std::optional<Result> result;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready.count(next_to_consume) != 0; });
      auto node = ready.extract(next_to_consume);
      result.emplace(std::move(node.mapped()));
    }
    consume(next_to_consume, std::move(*result));
    {
      std::lock_guard lock(mutex);
      ++next_to_consume;
    }
    changed.notify_all();
  }
}

}  // namespace docconv::host
