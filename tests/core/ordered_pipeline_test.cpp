// The one thread primitive (docconv_support/ordered_pipeline.hpp): results
// taken in the order items came, on the caller, with as many threads as asked.
#include <docconv_support/ordered_pipeline.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using docconv::support::OrderedPipeline;

std::size_t threads_of_this_process() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
    ++count;
  return count;
}

// A joined thread can stay listed in /proc for a moment after join()
// returns: the count is polled for up to two seconds before it is compared.
std::size_t settled_threads(std::size_t expected) {
  std::size_t count = threads_of_this_process();
  for (int i = 0; i < 200 && count != expected; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    count = threads_of_this_process();
  }
  return count;
}

// Counts the items each thread's state processed.
struct Counter {
  std::size_t processed = 0;
};

}  // namespace

TEST_CASE("OrderedPipeline without threads processes and takes each item inside add()") {
  const std::size_t before = threads_of_this_process();
  std::vector<int> taken;
  const auto caller = std::this_thread::get_id();
  OrderedPipeline<int, int, Counter> pipeline(
      0,
      [&](const int& item, Counter&) {
        CHECK(std::this_thread::get_id() == caller);
        return item * 2;
      },
      [&](int&& result) { taken.push_back(result); });
  CHECK(pipeline.threads() == 0);
  CHECK(threads_of_this_process() <= before);  // none started (one of an earlier test may end)
  pipeline.add(1);
  CHECK(taken == std::vector<int>{2});
  pipeline.add(2);
  pipeline.finish();
  CHECK(taken == std::vector<int>{2, 4});
}

TEST_CASE("OrderedPipeline takes results in the order items came, whatever thread processed them") {
  const std::size_t before = threads_of_this_process();
  for (const std::size_t threads : {1, 2, 3}) {
    for (const int count : {0, 1, 7, 8, 9, 100, 1000}) {
      CAPTURE(threads, count);
      std::vector<int> taken;
      std::set<std::thread::id> processed_on;
      std::mutex mutex;
      const auto caller = std::this_thread::get_id();
      {
        OrderedPipeline<int, std::string, Counter> pipeline(
            threads,
            [&](const int& item, Counter& counter) {
              ++counter.processed;
              std::lock_guard lock(mutex);
              processed_on.insert(std::this_thread::get_id());
              return std::to_string(item);
            },
            [&](std::string&& result) {
              CHECK(std::this_thread::get_id() == caller);
              taken.push_back(std::stoi(result));
            },
            4);
        CHECK(settled_threads(before + threads) == before + threads);
        for (int i = 0; i < count; ++i) pipeline.add(i);
        pipeline.finish();
      }
      REQUIRE(taken.size() == static_cast<std::size_t>(count));
      for (int i = 0; i < count; ++i) REQUIRE(taken[i] == i);
      CHECK(processed_on.size() <= threads + 1);
      CHECK(settled_threads(before) == before);
    }
  }
}

TEST_CASE("OrderedPipeline hands a failure on a thread to the caller that takes it") {
  std::vector<int> taken;
  OrderedPipeline<int, int, Counter> pipeline(
      2,
      [](const int& item, Counter&) {
        if (item == 13) throw std::runtime_error("broken page 13");
        return item;
      },
      [&](int&& result) { taken.push_back(result); }, 4);
  const auto run = [&] {
    for (int i = 0; i < 40; ++i) pipeline.add(i);
    pipeline.finish();
  };
  REQUIRE_THROWS_WITH(run(), "broken page 13");
  // Everything before the failing item's job (items 12..15) was taken, in order.
  REQUIRE(taken.size() == 12);
  for (int i = 0; i < 12; ++i) CHECK(taken[i] == i);
  // The failed job is off the queue: the pipeline can still be finished,
  // and whatever was added after that job is taken in order.
  CHECK_NOTHROW(pipeline.finish());
  for (std::size_t i = 12; i < taken.size(); ++i) CHECK(taken[i] == static_cast<int>(i) + 4);
}

TEST_CASE("OrderedPipeline keeps only a bounded number of items out") {
  std::atomic<int> processed{0};
  int taken = 0;
  int most_out = 0;
  OrderedPipeline<int, int, Counter> pipeline(
      2,
      [&](const int& item, Counter&) {
        ++processed;
        return item;
      },
      [&](int&&) { ++taken; }, 4);
  for (int i = 0; i < 5000; ++i) {
    pipeline.add(i);
    most_out = std::max(most_out, i + 1 - taken);
  }
  pipeline.finish();
  CHECK(taken == 5000);
  CHECK(processed == 5000);
  // 2 × (threads + 1) + 1 jobs of 4 items out, plus up to 3 being gathered.
  CHECK(most_out <= (2 * 3 + 1) * 4 + 3);
}

TEST_CASE("OrderedPipeline makes every state on the caller, before any thread starts") {
  const auto caller = std::this_thread::get_id();
  std::vector<int> made;
  std::vector<int> taken;
  {
    OrderedPipeline<int, int, int> pipeline(
        3, [](const int& item, int& state) { return item * 10 + (state >= 0 ? 0 : 1); },
        [&](int&& result) { taken.push_back(result); }, 2,
        [&] {
          CHECK(std::this_thread::get_id() == caller);
          made.push_back(static_cast<int>(made.size()));
          return made.back();
        });
    CHECK(made == std::vector<int>{0, 1, 2, 3});  // the caller's and one per thread
    for (int i = 0; i < 20; ++i) pipeline.add(i);
    pipeline.finish();
  }
  REQUIRE(taken.size() == 20);
  for (int i = 0; i < 20; ++i) CHECK(taken[i] == i * 10);
}

TEST_CASE("a state that cannot be made fails the constructor, with no thread left running") {
  const std::size_t before = threads_of_this_process();
  int made = 0;
  const auto make = [&] {
    if (++made == 3) throw std::runtime_error("no reader");
    return Counter{};
  };
  REQUIRE_THROWS_WITH(
      (OrderedPipeline<int, int, Counter>(
          4, [](const int& item, Counter&) { return item; }, [](int&&) {}, 8, make)),
      "no reader");
  CHECK(settled_threads(before) == before);
}

TEST_CASE("items_per_job gives small sets jobs of one and large sets jobs of eight") {
  using docconv::support::items_per_job;
  CHECK(items_per_job(5, 1) == 1);
  CHECK(items_per_job(31, 1) == 1);
  CHECK(items_per_job(64, 1) == 2);
  CHECK(items_per_job(1000, 1) == 8);
  CHECK(items_per_job(100000, 15) == 8);
  CHECK(docconv::support::pipeline_threads(0) == 0);
  CHECK(docconv::support::pipeline_threads(1) == 0);
  CHECK(docconv::support::pipeline_threads(4) == 3);
}

TEST_CASE("OrderedPipeline stops at once when take throws, with jobs still queued") {
  // The host's interrupt: take() throws, the caller stops adding and
  // destroys the pipeline; the threads must not go on through the backlog.
  std::atomic<int> processed{0};
  int taken = 0;
  {
    OrderedPipeline<int, int, Counter> pipeline(
        2,
        [&](const int& item, Counter&) {
          ++processed;
          return item;
        },
        [&](int&& item) {
          if (item == 50) throw std::runtime_error("interrupted");
          ++taken;
        },
        4);
    const auto run = [&] {
      for (int i = 0; i < 100000; ++i) pipeline.add(i);
      pipeline.finish();
    };
    REQUIRE_THROWS_WITH(run(), "interrupted");
  }
  CHECK(taken == 50);
  CHECK(processed < 1000);  // a few jobs' worth, not the 100,000 items
}
