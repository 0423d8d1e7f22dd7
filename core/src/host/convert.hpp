// Private to the docconv host: the conversion pipeline input -> reader -> model -> writer ->
// output.
#pragma once

#include "host/inputs.hpp"
#include "host/near_duplicates.hpp"
#include "host/registry.hpp"

#include <docconv/plugin.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace docconv::host {

/// Asks a running conversion to stop at the next document (from a signal
/// handler: only sets a flag). The run then fails like any other, so its
/// output is never committed and temporaries are removed.
void request_interrupt() noexcept;
bool interrupted() noexcept;

/// While it lives, an interrupt is obeyed within `grace` whatever the run is
/// doing: a reader or writer busy on one long input cannot check the flag,
/// so once the grace has passed the output's temporaries are removed (no
/// output is half-written: AtomicFileSink) and the process ends with
/// status 130. A run that stops in time ends as request_interrupt() says.
class InterruptDeadline {
 public:
  explicit InterruptDeadline(std::chrono::milliseconds grace);
  ~InterruptDeadline();
  InterruptDeadline(const InterruptDeadline&) = delete;
  InterruptDeadline& operator=(const InterruptDeadline&) = delete;

 private:
  void watch(std::chrono::milliseconds grace) const;
  int read_fd_ = -1;
  int write_fd_ = -1;
  std::thread watcher_;
};

/// Where the pipeline reports what happens. The CLI prints these lines.
class Reporter : public Diagnostics {
 public:
  /// A problem that made one input, or the whole conversion, fail.
  virtual void error(std::string_view where, std::string_view message) = 0;
  /// Called after each input is read, in input order: inputs done of total,
  /// and the articles they gave.
  virtual void progress(std::size_t /*done*/, std::size_t /*total*/, std::size_t /*articles*/) {}
};

/// One input line as the reader classified it (`docconv inspect --lines`).
struct ReportedLine {
  std::size_t number = 0;
  std::string label;
  std::string text;
  std::string reason;
};

struct ReadRequest {
  std::vector<std::string> inputs;
  std::string reader;  ///< -f; empty: by extension or content.
  OptionValues options;
  std::string language;  ///< --lang: overrides what the reader found.
  int year = 0;          ///< --year: completes partial dates.
  std::size_t jobs = 0;  ///< -j: inputs read in parallel; 0 = one per core.
  /// When set, readers report how they classified each line, and this gets
  /// the lines of each input in input order (`inspect --lines`).
  std::function<void(const std::string& input, std::vector<ReportedLine>&& lines)> line_sink{};
  /// Survey a set of 3 or more inputs first (Reader::survey()), so that readers
  /// can tell the lines the set repeats. Off: each input is read on its own.
  bool survey = true;
  /// convert's output (-o; a folder with --split): never read as an input. A
  /// folder listed as input skips it, as tar leaves out its own archive.
  std::string output{};
  bool output_is_folder = false;
  /// --max-input-size: larger inputs (files, zip entries, standard input)
  /// are refused, each with an error, and the rest of the set is read.
  std::uint64_t max_input_bytes = default_max_input_bytes;
  /// The readers' option values were checked already (convert() does it
  /// before it touches the output).
  bool reader_options_checked = false;
  /// --near-duplicates: documents that largely repeat an earlier one of the
  /// run are marked (Metadata::near_duplicate_of), left out, or not looked for.
  NearDuplicateMode near_duplicates = NearDuplicateMode::keep;
  double near_duplicate_threshold = default_near_duplicate_threshold;
};

struct ConvertRequest {
  ReadRequest read;
  std::string output;  ///< Path, folder (split) or "-".
  std::string writer;  ///< -t; empty: from the output's extension.
  bool split = false;
  /// Write with -t's writer even when -o's extension is another writer's.
  bool force_extension = false;
  /// A warning fails the run: nothing is written (standard output excepted,
  /// which is written as the run goes).
  bool strict = false;
  CollectionMetadata collection;
};

/// An input found in a folder or archive and left out, and why.
struct SkippedInput {
  std::string name;
  std::string reason;
};

struct ConvertResult {
  std::size_t inputs = 0;
  std::vector<SkippedInput> skipped;  ///< Not counted in `inputs`.
  std::size_t inputs_failed = 0;
  /// Inputs read without an error: fewer than inputs - inputs_failed when
  /// the run was interrupted or stopped by its output.
  std::size_t inputs_read = 0;
  std::size_t documents = 0;
  std::size_t files_written = 0;  ///< Output files moved into place: 1, or one per article.
  bool output_failed = false;
  /// Documents found to repeat an earlier one, in input order: left out
  /// (NearDuplicateMode::drop) or marked.
  std::vector<DroppedDocument> near_duplicates;
  bool near_duplicates_left_out = false;
};

/// An option the run cannot take: a value a plugin refuses, an option of a
/// plugin the run does not use, or -t/-f naming no plugin of its kind. A
/// usage error, found before anything is read or written; its message names
/// the option.
class OptionValueError : public Error {
 public:
  using Error::Error;
};

/// Has `plugin` check the values of its options (Plugin::check_options),
/// loading it, when `values` holds at least one of them. Throws
/// OptionValueError naming the plugin; docconv::Error when its library
/// cannot be loaded.
void check_option_values(const PluginEntry& plugin, const OptionValues& values);

/// check_option_values() for the readers a request may use: the one it
/// forces, else every reader whose library loads (one that does not is
/// reported when an input needs it).
void check_reader_option_values(const PluginRegistry& registry, const ReadRequest& request);

/// Reads every input and calls `sink` with each document in input order.
/// Inputs that fail are reported and skipped. Returns counts in `result`.
/// Throws OptionValueError first when a reader refuses its options' values
/// (unless `request.reader_options_checked`).
void read_documents(const PluginRegistry& registry, const ReadRequest& request, Reporter& reporter,
                    const std::function<void(Document&&)>& sink, ConvertResult& result);

/// Runs a whole conversion. The output is written atomically; it is not
/// written at all when the writer fails or no document was read. Throws
/// docconv::Error (OptionValueError for an option's value) when the request
/// cannot be run at all.
ConvertResult convert(const PluginRegistry& registry, const ConvertRequest& request,
                      Reporter& reporter);

/// Picks the writer for a request, or throws docconv::Error with a message
/// that says what was looked for and what is available.
const PluginEntry& choose_writer(const PluginRegistry& registry, const std::string& format,
                                 const std::string& output);

/// Runs `writer` over `collection` into `output`, wrapping plugin failures
/// into docconv::Error messages that name the plugin. For tests and tools.
/// `jobs` is what the writer sees as WriteContext::jobs (0 = one per core).
void write_collection(const PluginEntry& writer, const Collection& collection, OutputSink& output,
                      const OptionValues& options, Diagnostics& diagnostics, std::size_t jobs = 1);

}  // namespace docconv::host
