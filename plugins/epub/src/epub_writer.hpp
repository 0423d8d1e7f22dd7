// The EPUB 3 writer: articles go into the archive as they arrive; the
// navigation, title page and package document are written at the end from
// the small per-article entries kept meanwhile.
#pragma once

#include "book_facts.hpp"
#include "package.hpp"
#include "zip_builder.hpp"

#include <docconv/plugin.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace docconv::epub {

/// The options the writer declares (see EpubPlugin::info()).
std::vector<OptionSpec> writer_options();

class EpubWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override;
  void add(const Document& document) override;
  void finish() override;

 private:
  void add_resources();
  void add_package_files();

  const WriteContext* ctx_ = nullptr;
  std::unique_ptr<ZipBuilder> zip_;
  BookFacts facts_;
  std::vector<ArticleEntry> articles_;
  std::string stylesheet_;
  std::string cover_bytes_;
  std::optional<CoverImage> cover_;
};

}  // namespace docconv::epub
