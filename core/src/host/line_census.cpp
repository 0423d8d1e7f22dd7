#include "host/line_census.hpp"

#include <algorithm>
#include <limits>

namespace docconv::host {

SketchLineCensus::SketchLineCensus() : counts_(rows << row_bits, 0) {}

std::size_t SketchLineCensus::slot(std::size_t row, std::uint64_t key) const {
  // splitmix64 finaliser, seeded per row: independent enough hashes of one key.
  std::uint64_t z = key + 0x9E3779B97F4A7C15ULL * (row + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return (row << row_bits) + static_cast<std::size_t>(z & ((std::uint64_t{1} << row_bits) - 1));
}

void SketchLineCensus::add_input(std::vector<std::uint64_t>& keys) {
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::uint64_t key : keys)
    for (std::size_t row = 0; row < rows; ++row) {
      std::uint32_t& count = counts_[slot(row, key)];
      if (count < std::numeric_limits<std::uint32_t>::max()) ++count;
    }
  ++inputs_;
}

std::size_t SketchLineCensus::inputs_with(std::uint64_t line_key) const {
  std::uint32_t least = std::numeric_limits<std::uint32_t>::max();
  for (std::size_t row = 0; row < rows; ++row)
    least = std::min(least, counts_[slot(row, line_key)]);
  return inputs_ == 0 ? 0 : least;
}

}  // namespace docconv::host
