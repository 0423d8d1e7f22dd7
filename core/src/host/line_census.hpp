// Private to the docconv host: the set-level line counts readers ask for
// (LineCensus), kept in a count-min sketch so that memory stays fixed however
// many inputs a run reads.
#pragma once

#include <docconv/plugin.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace docconv::host {

class SketchLineCensus final : public LineCensus {
 public:
  SketchLineCensus();
  /// Counts the keys of one input; each distinct key once (the vector is sorted in place).
  void add_input(std::vector<std::uint64_t>& keys);
  std::size_t inputs() const override { return inputs_; }
  std::size_t inputs_with(std::uint64_t line_key) const override;

 private:
  // 4 rows of 2^16 counters: 1 MiB. A count is overestimated by about
  // (lines per input x inputs) / 2^16 at worst in one row, far below the share
  // of inputs a furniture line must reach; the minimum over 4 rows with
  // independent hashes makes collisions rarer still. The counts do not depend
  // on the order inputs are added in, so any -j gives the same output.
  static constexpr std::size_t rows = 4;
  static constexpr std::size_t row_bits = 16;
  std::size_t slot(std::size_t row, std::uint64_t key) const;
  std::vector<std::uint32_t> counts_;
  std::size_t inputs_ = 0;
};

}  // namespace docconv::host
