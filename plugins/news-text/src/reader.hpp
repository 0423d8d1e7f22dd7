// news-text: the Reader that turns one plain-text news dump into a Document.
#pragma once

#include <docconv/model.hpp>
#include <docconv/plugin.hpp>

#include "phrase_rules.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

/// The overrides a user has when the reader guesses wrong.
struct ReaderOptions {
  enum class Layout {
    automatic,  ///< Tell hard-wrapped text from one-paragraph-per-line text by itself.
    lines,      ///< --text-layout lines: every line is a paragraph of its own.
    wrapped,    ///< --text-layout wrapped: lines between blank lines form one paragraph.
  };
  Layout layout = Layout::automatic;
  bool find_title = true;        ///< --no-title: the first line is text; derive the title.
  bool find_subheadings = true;  ///< --no-subheadings: short lines stay paragraphs.
  bool remove_chrome = true;     ///< --keep-chrome: site chrome stays in the body.
  std::string rules_file;        ///< --rules FILE: phrase tables added to the built-in ones.
  /// --max-lines N: longer inputs are refused. Reading costs about a
  /// kilobyte a line whatever the line's length (docs/robustness.md), so
  /// this, with the host's --max-input-size, bounds an input's memory.
  std::size_t max_lines = default_max_lines;
  static constexpr std::size_t default_max_lines = 100'000;
};

/// The reader's options from the command line. Throws docconv::Error for a bad value.
ReaderOptions reader_options(const OptionValues& values);

/// Checks every option value before a run (Plugin::check_options): those of
/// reader_options(), the --encoding name, and the --rules file, read and
/// parsed. Throws docconv::Error naming the option.
void check_reader_options(const OptionValues& values);

/// Builds the article in decoded text (valid UTF-8, LF line ends). Returns
/// nothing, with `why` set, when the text holds no article (empty, or only
/// site chrome).
/// `rules` defaults to the built-in tables; `census` (set-level line counts)
/// and `report` (each line's label) may be null.
std::optional<Document> build_article(std::string_view text, std::string& why,
                                      const ReaderOptions& options = {},
                                      const PhraseRules* rules = nullptr,
                                      const LineCensus* census = nullptr,
                                      LineReport* report = nullptr);

class NewsTextReader : public Reader {
 public:
  std::vector<Document> read(const Input& input, const ReadContext& ctx) override;
  std::vector<std::uint64_t> survey(const Input& input, const ReadContext& ctx) override;

 private:
  const PhraseRules& rules_for(const ReaderOptions& options);
  std::unique_ptr<PhraseRules> user_rules_;  // --rules, read once per reader
  std::string user_rules_file_;
};

}  // namespace docconv::news_text
