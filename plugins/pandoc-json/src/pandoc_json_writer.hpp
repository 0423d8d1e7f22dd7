// The `pandoc-json` writer: the collection as Pandoc's JSON AST, which
// `pandoc -f json` turns into any of its output formats (docs/pandoc-json.md).
#pragma once

#include <docconv/plugin.hpp>

#include <cstddef>
#include <string>

namespace docconv::pandoc_json {

/// The pandoc-types version the AST is written for: what Debian's pandoc 2.17 reads.
inline constexpr int pandoc_api_version[] = {1, 22, 2, 1};

struct Options {
  bool keep_removed = false;
  static Options parse(const OptionValues& values);
};

/// One article as a top-level Div: the AST of `document`, numbered `number`
/// (1-based) in its collection, as one JSON value appended to `out`.
void append_article_json(std::string& out, const Document& document, std::size_t number,
                         const Options& options);
/// The same, as a string of its own.
std::string article_json(const Document& document, std::size_t number, const Options& options);

class PandocJsonWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override;
  void add(const Document& document) override;
  void finish() override;

 private:
  void start(const std::string& first_language);
  const WriteContext* ctx_ = nullptr;
  Options options_;
  std::size_t count_ = 0;
  std::string article_;  // the article being written, its capacity kept for the next
};

}  // namespace docconv::pandoc_json
