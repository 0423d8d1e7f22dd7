// The markdown writer: documents as CommonMark, one file or one file per article.
#pragma once

#include <docconv/phrases.hpp>
#include <docconv/plugin.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace docconv::markdown {

struct Options {
  std::size_t wrap = 0;       ///< --wrap N: longest line wanted; 0 keeps paragraphs on one line.
  bool keep_removed = false;  ///< --keep-removed: removed blocks as HTML comments.

  /// Throws docconv::Error for a --wrap value that is not a number.
  static Options parse(const OptionValues& values);
};

/// The article's blocks as CommonMark, blocks separated by blank lines;
/// what the writer adds ("Read more:") in `phrases`' language.
std::string render_body(const std::vector<Block>& blocks, const Options& options,
                        const Phrases& phrases);

/// "By A, B · Moscow, November 27 (TASS)": the byline and dateline of an
/// article, in its language ("Автор: А · Москва, 27 ноября (ТАСС)").
std::string metadata_line(const Metadata& metadata);

/// The YAML front matter of one article (split output).
std::string article_front_matter(const Metadata& metadata);

/// One article of a one-file output: its title as a level-1 heading, its
/// metadata line, its standfirst and its body.
std::string article_section(const Document& document, const Options& options);

/// Each article is written as it comes: memory does not grow with the set.
class MarkdownWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override;
  void add(const Document& document) override;
  void finish() override;

 private:
  std::string collection_front_matter(const std::string& first_language) const;

  const WriteContext* ctx_ = nullptr;
  Options options_;
  std::size_t count_ = 0;  // articles so far: numbers the --split files
};

}  // namespace docconv::markdown
