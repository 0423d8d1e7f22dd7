// The writers' own threads (docconv_support/ordered_renderer.hpp): results
// taken in the order items came, on the caller, with as many threads as asked.
#include <docconv_support/ordered_renderer.hpp>

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

using docconv::support::OrderedRenderer;

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

// Counts the items each thread's state rendered.
struct Counter {
  std::size_t rendered = 0;
};

}  // namespace

TEST_CASE("OrderedRenderer without threads renders and takes each item inside add()") {
  const std::size_t before = threads_of_this_process();
  std::vector<int> taken;
  const auto caller = std::this_thread::get_id();
  OrderedRenderer<int, int, Counter> renderer(
      0,
      [&](const int& item, Counter&) {
        CHECK(std::this_thread::get_id() == caller);
        return item * 2;
      },
      [&](int&& result) { taken.push_back(result); });
  CHECK(renderer.threads() == 0);
  CHECK(threads_of_this_process() <= before);  // none started (one of an earlier test may end)
  renderer.add(1);
  CHECK(taken == std::vector<int>{2});
  renderer.add(2);
  renderer.finish();
  CHECK(taken == std::vector<int>{2, 4});
}

TEST_CASE("OrderedRenderer takes results in the order items came, whatever thread rendered them") {
  const std::size_t before = threads_of_this_process();
  for (const std::size_t threads : {1, 2, 3}) {
    for (const int count : {0, 1, 7, 8, 9, 100, 1000}) {
      CAPTURE(threads, count);
      std::vector<int> taken;
      std::set<std::thread::id> rendered_on;
      std::mutex mutex;
      const auto caller = std::this_thread::get_id();
      {
        OrderedRenderer<int, std::string, Counter> renderer(
            threads,
            [&](const int& item, Counter& counter) {
              ++counter.rendered;
              std::lock_guard lock(mutex);
              rendered_on.insert(std::this_thread::get_id());
              return std::to_string(item);
            },
            [&](std::string&& result) {
              CHECK(std::this_thread::get_id() == caller);
              taken.push_back(std::stoi(result));
            },
            4);
        CHECK(settled_threads(before + threads) == before + threads);
        for (int i = 0; i < count; ++i) renderer.add(i);
        renderer.finish();
      }
      REQUIRE(taken.size() == static_cast<std::size_t>(count));
      for (int i = 0; i < count; ++i) REQUIRE(taken[i] == i);
      CHECK(rendered_on.size() <= threads + 1);
      CHECK(settled_threads(before) == before);
    }
  }
}

TEST_CASE("OrderedRenderer hands a failure on a thread to the caller that takes it") {
  std::vector<int> taken;
  OrderedRenderer<int, int, Counter> renderer(
      2,
      [](const int& item, Counter&) {
        if (item == 13) throw std::runtime_error("broken page 13");
        return item;
      },
      [&](int&& result) { taken.push_back(result); }, 4);
  const auto run = [&] {
    for (int i = 0; i < 40; ++i) renderer.add(i);
    renderer.finish();
  };
  REQUIRE_THROWS_WITH(run(), "broken page 13");
  // Everything before the failing item's job (items 12..15) was taken, in order.
  REQUIRE(taken.size() == 12);
  for (int i = 0; i < 12; ++i) CHECK(taken[i] == i);
  // The failed job is off the queue: the renderer can still be finished,
  // and whatever was added after that job is taken in order.
  CHECK_NOTHROW(renderer.finish());
  for (std::size_t i = 12; i < taken.size(); ++i) CHECK(taken[i] == static_cast<int>(i) + 4);
}

TEST_CASE("OrderedRenderer keeps only a bounded number of items out") {
  std::atomic<int> rendered{0};
  int taken = 0;
  int most_out = 0;
  OrderedRenderer<int, int, Counter> renderer(
      2,
      [&](const int& item, Counter&) {
        ++rendered;
        return item;
      },
      [&](int&&) { ++taken; }, 4);
  for (int i = 0; i < 5000; ++i) {
    renderer.add(i);
    most_out = std::max(most_out, i + 1 - taken);
  }
  renderer.finish();
  CHECK(taken == 5000);
  CHECK(rendered == 5000);
  // 2 × (threads + 1) + 1 jobs of 4 items out, plus up to 3 being gathered.
  CHECK(most_out <= (2 * 3 + 1) * 4 + 3);
}
