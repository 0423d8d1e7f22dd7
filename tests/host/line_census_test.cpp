// The set survey's counts: once per input, independent of order, fixed memory.
#include "host/line_census.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

using docconv::host::SketchLineCensus;

TEST_CASE("a line key counts once per input that holds it") {
  SketchLineCensus census;
  CHECK(census.inputs() == 0);
  CHECK(census.inputs_with(42) == 0);
  std::vector<std::uint64_t> first{42, 42, 7, 42};
  std::vector<std::uint64_t> second{42, 9};
  std::vector<std::uint64_t> third{};
  census.add_input(first);
  census.add_input(second);
  census.add_input(third);
  CHECK(census.inputs() == 3);
  CHECK(census.inputs_with(42) == 2);
  CHECK(census.inputs_with(7) == 1);
  CHECK(census.inputs_with(9) == 1);
  CHECK(census.inputs_with(8) == 0);
}

TEST_CASE("counts do not depend on the order of the inputs, and stay close at scale") {
  std::mt19937_64 random(7);
  std::vector<std::vector<std::uint64_t>> inputs(2000);
  for (auto& keys : inputs) {
    for (int i = 0; i < 60; ++i) keys.push_back(random());  // lines of one article
    keys.push_back(1);                                      // furniture of every page
  }
  for (std::size_t i = 0; i < inputs.size(); i += 4) inputs[i].push_back(2);  // one in four
  SketchLineCensus forward, backward;
  for (auto keys : inputs) forward.add_input(keys);
  for (auto it = inputs.rbegin(); it != inputs.rend(); ++it) {
    auto keys = *it;
    backward.add_input(keys);
  }
  for (const std::uint64_t key : {std::uint64_t{1}, std::uint64_t{2}, inputs[5][3]})
    CHECK(forward.inputs_with(key) == backward.inputs_with(key));
  CHECK(forward.inputs_with(1) == 2000);
  // Upper bounds: collisions may add a little, never take away.
  CHECK(forward.inputs_with(2) >= 500);
  CHECK(forward.inputs_with(2) <= 510);
  CHECK(forward.inputs_with(inputs[5][3]) <= 10);
}
