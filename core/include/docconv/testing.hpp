// docconv plugin SDK: what a plugin's own tests need to run it without the
// docconv program: an output in memory, the warnings collected, documents
// that hold every kind of block and text, and one call that runs a writer.
// `docconv new-plugin` writes a test that uses them.
#pragma once

#include <docconv/plugin.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docconv::testing {

/// An OutputSink that keeps what is written in memory, and holds a writer
/// to the contract as the host does: stream() only for a single output,
/// open_part() only in split mode, with a plain file name that does not
/// start with '.', and each name once.
class MemorySink final : public OutputSink {
 public:
  explicit MemorySink(bool split = false);
  ~MemorySink() override;
  MemorySink(const MemorySink&) = delete;
  MemorySink& operator=(const MemorySink&) = delete;

  bool split() const override;
  std::ostream& stream() override;
  std::ostream& open_part(std::string_view file_name) override;
  std::string name() const override;

  /// What was written to stream().
  std::string text() const;
  /// Split mode: each part's file name and text, in the order they were opened.
  std::vector<std::pair<std::string, std::string>> parts() const;

 private:
  bool split_;
  std::ostringstream main_;
  std::vector<std::pair<std::string, std::unique_ptr<std::ostringstream>>> parts_;
};

/// Diagnostics that keep every warning as one "where: message" line.
class CollectingDiagnostics final : public Diagnostics {
 public:
  void warn(std::string_view where, std::string_view message) override;
  std::vector<std::string> warnings;
};

// ---- Blocks for documents of your own, with their source lines ----

Block block(BlockContent content, std::size_t first_line, std::size_t last_line);
Block paragraph(std::string text, std::size_t line);
Block heading(std::string text, std::size_t line, int level = 2);
Block removed(std::string text, std::string reason, std::size_t first_line, std::size_t last_line);
Block related(std::string text, std::string target, std::size_t line, std::string label = {});

/// Three articles that hold every block kind (heading, paragraph, block
/// quote, both kinds of list, figure, related link, removed text) and every
/// inline kind (emphasis, strong, link), with the metadata fields set: one
/// in English as a reader makes it from a news agency's page; one full of
/// what XML and Markdown treat as markup (`<`, `&`, `]]>`, quotes), control
/// characters, invalid UTF-8, a date that does not exist and a language
/// that is no tag; one in Russian with Chinese, Arabic, Hebrew and an
/// emoji. Collection metadata: a title, an author and a language.
Collection sample_collection();

/// What one writer run gave.
struct WriterRun {
  std::string text;                                        ///< single output
  std::vector<std::pair<std::string, std::string>> parts;  ///< split outputs
  std::vector<std::string> warnings;
};

/// Runs `writer` over `collection` as the host does (begin, add for each
/// document in order, finish) into a MemorySink. A docconv::Error the writer
/// throws propagates.
WriterRun run_writer(Writer& writer, const Collection& collection, bool split = false,
                     const OptionValues& options = {});

/// What one reader run gave.
struct ReaderRun {
  std::vector<Document> documents;
  std::vector<std::string> warnings;
};

/// Runs `reader` over `bytes` as the host does, as the input `name`. A
/// docconv::Error the reader throws propagates.
ReaderRun run_reader(Reader& reader, std::string_view bytes, std::string name = "input.txt",
                     const OptionValues& options = {});

/// The words (runs of letters and digits, in any script) of the text a
/// reader of `document` sees: the title, standfirst, headings, paragraphs,
/// quotes, list items, figure captions and related links; not credits,
/// image names or removed text. A writer that keeps the article's text has
/// each of them in its output, whatever markup it escapes.
std::vector<std::string> visible_words(const Document& document);

}  // namespace docconv::testing
