// docconv plugin SDK: the contract between the host and reader/writer plugins.
//
// A plugin library defines one class derived from docconv::Plugin and exports it
// with DOCCONV_PLUGIN (see plugin_export.hpp), together with a descriptor that
// says what it is. The host reads the descriptor from the library's file, and
// loads the library only when the plugin is used, to ask it for readers or
// writers. See docs/writing-a-plugin.md.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace docconv {

/// What a plugin makes: its descriptor's "kind".
enum class PluginKind { reader, writer };

/// Option values given on the command line, by option name. Flags hold "true".
using OptionValues = std::map<std::string, std::string, std::less<>>;

/// Value of an option, or `fallback` when it was not given.
std::string option_or(const OptionValues& values, std::string_view name, std::string fallback);

/// Something went wrong that the user must be told about. Plugins throw it (or
/// any std::exception); the host catches it at the plugin boundary and reports
/// it as "docconv: error: <where>: <plugin>: <what>".
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ~Error() override;  // defined in libdocconv-core, so host and plugins share one type
};

/// Where plugins report warnings: problems that do not stop the conversion.
class Diagnostics {
 public:
  virtual ~Diagnostics() = default;
  /// `where` names the input or output concerned ("fixtures/news/a.txt", "line 12").
  virtual void warn(std::string_view where, std::string_view message) = 0;
};

/// One input for a reader: its bytes and the name to use in messages.
struct Input {
  std::string name;        ///< Path as the user gave it, or "archive.zip:entry.txt", or "-".
  std::string_view bytes;  ///< Raw bytes, valid during read().
};

/// What a reader made of each line of its input, for `docconv inspect --lines`.
/// Given to Reader::read() only when the user asked for it; a reader that
/// cannot tell line by line ignores it.
class LineReport {
 public:
  virtual ~LineReport() = default;
  /// Line `number` (1-based) of the input holds `text` (decoded, trimmed) and
  /// was read as `label`, one of: title, standfirst, byline, dateline,
  /// paragraph, subhead, caption, credit, related, list, quote, chrome, blank.
  /// `reason` says why a line was taken out of the article, else is empty.
  virtual void line(std::size_t number, std::string_view label, std::string_view text,
                    std::string_view reason) = 0;
};

/// Evidence from the whole input set of one run, gathered before any input is
/// read: in how many inputs each line occurs (see Reader::survey()). Lines that
/// recur across many inputs are the sites' furniture, not article text. Held
/// in a fixed-size sketch, so counts are upper bounds: rare collisions add to them.
class LineCensus {
 public:
  virtual ~LineCensus() = default;
  /// How many inputs were surveyed (0: no survey, as for a single input).
  virtual std::size_t inputs() const = 0;
  /// How many surveyed inputs hold a line whose key is `line_key`.
  virtual std::size_t inputs_with(std::uint64_t line_key) const = 0;
};

struct ReadContext {
  const OptionValues& options;
  Diagnostics& diagnostics;
  LineReport* line_report = nullptr;   ///< Set by `inspect --lines`; usually null.
  const LineCensus* census = nullptr;  ///< Set when the run surveyed its inputs.
};

/// Turns one input into zero or more documents.
class Reader {
 public:
  virtual ~Reader() = default;
  /// Throw docconv::Error when the input cannot be read at all; report
  /// recoverable problems through ctx.diagnostics.
  virtual std::vector<Document> read(const Input& input, const ReadContext& ctx) = 0;
  /// Optional first pass when a run reads several inputs: the keys of the
  /// lines of `input` that count as site furniture when they recur across
  /// inputs (the reader chooses how to normalise and hash a line). The host
  /// counts each key once per input and gives the counts to read() as
  /// ReadContext::census. The default surveys nothing. ctx.census is null here.
  virtual std::vector<std::uint64_t> survey(const Input& input, const ReadContext& ctx);
};

/// Where a writer writes. Plugins never open paths: the host opens the target
/// (atomically: a temporary file renamed into place only after finish()).
class OutputSink {
 public:
  virtual ~OutputSink() = default;
  /// True when the user asked for one file per article (--split).
  virtual bool split() const = 0;
  /// The output stream of a single-file output. Not available in split mode.
  /// For writers with binary_output it is always seekable (seekp/tellp work),
  /// so that container formats can be written in one pass without holding
  /// the whole output in memory; a text writer may be given standard output.
  virtual std::ostream& stream() = 0;
  /// Split mode: starts the file `file_name` (a plain name, no folders) in the
  /// output folder and returns its stream, which stays valid until the next
  /// open_part() call or the end of finish().
  virtual std::ostream& open_part(std::string_view file_name) = 0;
  /// Human-readable name of the target, for messages.
  virtual std::string name() const = 0;
};

struct WriteContext {
  const CollectionMetadata& collection;
  OutputSink& output;
  const OptionValues& options;
  Diagnostics& diagnostics;
  /// How many threads the user allows (-j, at least 1). A writer that runs
  /// threads of its own (to compress, say) keeps their number within it.
  unsigned jobs = 1;
};

/// Writes a stream of documents: begin(), add() once per document in input
/// order, finish(). The context passed to begin() stays valid until finish()
/// returns. Any exception aborts the output; nothing is kept.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual void begin(const WriteContext& ctx) = 0;
  virtual void add(const Document& document) = 0;
  virtual void finish() = 0;
};

/// The object a plugin library exports. Override make_reader() or make_writer()
/// to match the "kind" of its descriptor.
class Plugin {
 public:
  virtual ~Plugin() = default;
  /// Checks the values the user gave this plugin's options, once, before
  /// anything is read or written: throw docconv::Error saying which option
  /// is wrong and why ("--wrap expects a number of characters, got \"x\"").
  /// docconv reports it as a usage error and exits 2, so that a bad value is
  /// one message, not one per input. Called only when at least one of the
  /// options in the descriptor was given; `values` may hold other plugins'
  /// options too. The default accepts everything.
  virtual void check_options(const OptionValues& values) const;
  /// How sure the reader is that it can read input starting with `head`
  /// (up to 4 KiB): 0 = not at all, 100 = certain. Used when neither -f nor the
  /// extension decides. A file the user named is read by the highest score
  /// above 0; a file found in a folder or archive only with 30 or more, so
  /// give less than 30 to input that might well be something else.
  virtual int probe(std::string_view head) const;
  virtual std::unique_ptr<Reader> make_reader() const;
  virtual std::unique_ptr<Writer> make_writer() const;
};

}  // namespace docconv
