// The `tei` writer: the article set as TEI P5 XML for archiving.
#pragma once

#include "tei_encoder.hpp"

#include <docconv/plugin.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace docconv::tei {

/// Several articles become one teiCorpus, one article one TEI, and with
/// --split each article one TEI file (docs/tei.md).
class TeiWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override;
  void add(const Document& article) override;
  void finish() override;

 private:
  void start_corpus();

  const WriteContext* ctx_ = nullptr;
  FileFacts facts_;
  std::size_t count_ = 0;
  std::optional<Document> held_back_;
  std::string closing_;
};

}  // namespace docconv::tei
