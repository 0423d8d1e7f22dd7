// The host's worker pool: results come back in input order, however the
// work is split into batches, and memory stays within the window.
#include "host/ordered_workers.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

namespace host = docconv::host;

TEST_CASE("run_ordered hands every result over once, in index order") {
  for (const std::size_t workers : {1, 2, 3, 5}) {
    // Counts around the batch boundaries: batches of one, partial last batches, batches of 8.
    for (const std::size_t count : {0, 1, 2, 7, 31, 32, 33, 129, 1000}) {
      CAPTURE(workers, count);
      std::vector<std::size_t> consumed;
      host::run_ordered<std::string>(
          count, workers, 2 * workers,
          [](std::size_t index, std::size_t worker) {
            (void)worker;
            return std::to_string(index);
          },
          [&](std::size_t index, std::string&& result) {
            REQUIRE(result == std::to_string(index));
            consumed.push_back(index);
          });
      REQUIRE(consumed.size() == count);
      for (std::size_t i = 0; i < consumed.size(); ++i) REQUIRE(consumed[i] == i);
    }
  }
}

TEST_CASE("run_ordered keeps about window results waiting, at least a batch per worker and one") {
  const std::size_t count = 2000;
  const std::size_t workers = 3;
  const std::size_t batch = host::batch_size(count, workers);
  // A window of 48 results is 6 batches of 8; a window of 1 still lets
  // every worker and one more hold a batch.
  const std::size_t window = GENERATE(std::size_t{48}, std::size_t{1});
  const std::size_t limit = window == 48 ? 48 : (workers + 1) * batch;
  std::atomic<std::size_t> produced{0};
  std::size_t consumed = 0;
  std::size_t most_ahead = 0;
  host::run_ordered<int>(
      count, workers, window,
      [&](std::size_t, std::size_t) {
        ++produced;
        return 0;
      },
      [&](std::size_t, int&&) {
        ++consumed;
        most_ahead = std::max(most_ahead, produced.load() - consumed);
      });
  REQUIRE(consumed == count);
  CHECK(most_ahead > 0);
  CHECK(most_ahead <= limit);
}

TEST_CASE("run_ordered stops the workers when consume throws") {
  std::atomic<std::size_t> produced{0};
  std::size_t consumed = 0;
  const auto run = [&] {
    host::run_ordered<int>(
        100000, 2, 4,
        [&](std::size_t, std::size_t) {
          ++produced;
          return 0;
        },
        [&](std::size_t index, int&&) {
          if (index == 50) throw std::runtime_error("writer failed");
          ++consumed;
        });
  };
  REQUIRE_THROWS_WITH(run(), "writer failed");
  CHECK(consumed == 50);
  // Only what the window allowed was produced, not the whole set.
  CHECK(produced.load() < 1000);
}

TEST_CASE("batch_size gives small sets batches of one and large sets batches of eight") {
  CHECK(host::batch_size(5, 2) == 1);
  CHECK(host::batch_size(31, 2) == 1);
  CHECK(host::batch_size(64, 2) == 2);
  CHECK(host::batch_size(1000, 2) == 8);
  CHECK(host::batch_size(100000, 16) == 8);
}
