#include "host/convert.hpp"
#include "host/did_you_mean.hpp"

#include "host/line_census.hpp"
#include "host/output.hpp"

#include <docconv/text.hpp>

#include <docconv_support/ordered_pipeline.hpp>

#include <fmt/format.h>
#include <nettle/sha2.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string_view>
#include <thread>

namespace docconv::host {

namespace {

std::atomic<bool> interrupt_requested{false};
// The InterruptDeadline's pipe: a signal handler may write() and nothing else.
std::atomic<int> interrupt_pipe{-1};

}  // namespace

void request_interrupt() noexcept {
  interrupt_requested.store(true);
  if (const int fd = interrupt_pipe.load(); fd >= 0) {
    const char interrupt = 'i';
    [[maybe_unused]] const ssize_t ignored = ::write(fd, &interrupt, 1);
  }
}
bool interrupted() noexcept {
  return interrupt_requested.load();
}

InterruptDeadline::InterruptDeadline(std::chrono::milliseconds grace) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return;  // no deadline: the flag alone
  read_fd_ = fds[0];
  write_fd_ = fds[1];
  interrupt_pipe.store(write_fd_);
  watcher_ = std::thread([this, grace] { watch(grace); });
}

InterruptDeadline::~InterruptDeadline() {
  if (write_fd_ < 0) return;
  interrupt_pipe.store(-1);
  const char ended = 'e';
  [[maybe_unused]] const ssize_t ignored = ::write(write_fd_, &ended, 1);
  watcher_.join();
  ::close(read_fd_);
  // The write end stays open: a signal handler that read its number just
  // before it was withdrawn may still write to it, and a closed number can
  // be reused by any file the process opens next.
}

void InterruptDeadline::watch(std::chrono::milliseconds grace) const {
  const auto next_byte = [this] {
    char byte = 0;
    while (::read(read_fd_, &byte, 1) < 0 && errno == EINTR) {
    }
    return byte;
  };
  if (next_byte() != 'i') return;  // the run ended without an interrupt
  // Until the grace is over, only the end of the run counts: another signal
  // (SIGTERM after SIGINT) writes 'i' again.
  const auto deadline = std::chrono::steady_clock::now() + grace;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd pipe_end{read_fd_, POLLIN, 0};
    const int ready = ::poll(&pipe_end, 1, static_cast<int>(left.count()) + 1);
    if (ready > 0 && next_byte() == 'e') return;  // the run stopped in time
  }
  AtomicFileSink::remove_all_temporaries();
  constexpr std::string_view message =
      "docconv: error: interrupted: stopped at once, without the output\n";
  [[maybe_unused]] const ssize_t ignored = ::write(STDERR_FILENO, message.data(), message.size());
  std::_Exit(130);
}

namespace {

std::vector<std::string> plugin_names(const PluginRegistry& registry, PluginKind kind) {
  std::vector<std::string> names;
  for (const auto& plugin : registry.plugins())
    if (plugin.info.kind == kind) names.push_back(plugin.info.name);
  return names;
}

std::string names_of(const PluginRegistry& registry, PluginKind kind) {
  const auto names = plugin_names(registry, kind);
  return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
}

std::string unavailable(const PluginRegistry& registry, std::string_view name, PluginKind kind) {
  if (const auto* rejected = registry.rejected_named(name))
    return fmt::format("plugin {} is not available: {} {}", name, rejected->path.string(),
                       rejected->reason);
  const PluginKind other = kind == PluginKind::reader ? PluginKind::writer : PluginKind::reader;
  if (registry.find(name, other) != nullptr)
    return fmt::format("{} is a {} plugin, not a {}", name, kind_name(other), kind_name(kind));
  // An alias is a name the user may have meant too.
  std::vector<std::string> names = plugin_names(registry, kind);
  for (const auto& plugin : registry.plugins())
    if (plugin.info.kind == kind)
      names.insert(names.end(), plugin.info.aliases.begin(), plugin.info.aliases.end());
  return fmt::format("no {} plugin named '{}'{} (available: {})", kind_name(kind), name,
                     did_you_mean(name, names), names_of(registry, kind));
}

// What reading one input gave: its documents and the messages to report,
// kept until the input's turn comes so that output and messages are in input
// order whatever thread read it.
struct ReadOutcome {
  struct Message {
    bool is_error = false;
    std::string where;
    std::string text;
  };
  std::vector<Document> documents;
  std::vector<BodySignature>
      signatures;  ///< One per document, when near-duplicates are looked for.
  std::vector<Message> messages;
  std::vector<ReportedLine> lines;
  bool failed = false;
  bool unclaimed = false;  ///< Found by listing, and no reader is confident it can read it.
};

class CollectedLines final : public LineReport {
 public:
  explicit CollectedLines(std::vector<ReportedLine>& lines) : lines_(lines) {}
  void line(std::size_t number, std::string_view label, std::string_view text,
            std::string_view reason) override {
    lines_.push_back({number, std::string(label), std::string(text), std::string(reason)});
  }

 private:
  std::vector<ReportedLine>& lines_;
};

class BufferedDiagnostics final : public Diagnostics {
 public:
  explicit BufferedDiagnostics(ReadOutcome& outcome) : outcome_(outcome) {}
  void warn(std::string_view where, std::string_view message) override {
    outcome_.messages.push_back({false, std::string(where), std::string(message)});
  }

 private:
  ReadOutcome& outcome_;
};

// Runs `call`, turning anything it throws into a docconv::Error that names the plugin.
template <class Call>
auto guarded(const PluginEntry& plugin, Call&& call) {
  try {
    return call();
  } catch (const std::exception& error) {
    throw Error(fmt::format("{}: {}", plugin.info.name, error.what()));
  } catch (...) {
    throw Error(
        fmt::format("{}: failed with an exception that is not a std::exception", plugin.info.name));
  }
}

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  std::string hex;
  hex.reserve(2 * digest.size());
  for (const std::uint8_t byte : digest) fmt::format_to(std::back_inserter(hex), "{:02x}", byte);
  return hex;
}

// What the host knows of the file a document came from. Only for documents
// whose source is that file: a model read back from JSON names the dump it
// was made from, and the JSON file's size and hash are not that dump's.
void add_file_facts(Document& document, std::string_view bytes, const std::string& hash) {
  document.metadata.extras.try_emplace(std::string(source_bytes_key), std::to_string(bytes.size()));
  document.metadata.identifiers.try_emplace(std::string(source_sha256_key), hash);
}

void apply_overrides(Document& document, const ReadRequest& request, const std::string& source) {
  if (!request.language.empty()) document.metadata.language = request.language;
  if (request.year != 0 && document.metadata.date.year == 0 &&
      (document.metadata.date.month != 0 || document.metadata.date.day != 0))
    document.metadata.date.year = request.year;
  if (document.metadata.source.empty()) document.metadata.source = source;
  // Only this run can say what an article repeats, and by its numbering: a
  // mark in a model read back (json) would point at the wrong article.
  document.metadata.near_duplicate_of.reset();
}

class ReaderPicker {
 public:
  ReaderPicker(const PluginRegistry& registry, const std::string& forced) : registry_(registry) {
    if (!forced.empty()) {
      forced_ = registry.find(forced, PluginKind::reader);
      if (forced_ == nullptr)
        throw OptionValueError("-f: " + unavailable(registry, forced, PluginKind::reader));
    }
  }

  // Null when no reader claims the input.
  const PluginEntry* pick(const InputRef& input, std::string_view bytes) const {
    if (forced_ != nullptr) return forced_;
    // A file the user did not name is read by probe only when a reader is
    // confident: a folder of dumps may hold saved pages and notes too.
    return registry_.reader_for(input.archive_entry.empty() ? input.name : input.archive_entry,
                                bytes.substr(0, 4096),
                                input.found_by_listing ? confident_probe_score : 1);
  }

  Reader& reader_of(const PluginEntry& plugin) {
    auto& made = readers_[&plugin];
    if (!made) made = guarded(plugin, [&] { return PluginRegistry::make_reader(plugin); });
    return *made;
  }

 private:
  const PluginRegistry& registry_;
  const PluginEntry* forced_ = nullptr;
  std::map<const PluginEntry*, PluginObject<Reader>> readers_;
};

}  // namespace

namespace {

// What one reading thread keeps between inputs.
struct ReadingState {
  ReaderPicker picker;
  OpenArchive archive;  // the archive last read from, kept open for its next entry
};

ReadOutcome read_one(const PluginRegistry& registry, const ReadRequest& request,
                     ReaderPicker& picker, OpenArchive& archives, const InputRef& input,
                     const LineCensus* census) {
  ReadOutcome outcome;
  try {
    const std::string bytes = load_input(input, &archives, request.max_input_bytes);
    const PluginEntry* plugin = picker.pick(input, bytes);
    if (plugin == nullptr) {
      if (!input.found_by_listing)
        throw Error(fmt::format("no reader recognises this input (readers: {}); use -f FORMAT",
                                names_of(registry, PluginKind::reader)));
      outcome.unclaimed = true;  // counted with the others, in one warning at the end
      return outcome;
    }
    BufferedDiagnostics diagnostics(outcome);
    CollectedLines lines(outcome.lines);
    const ReadContext context{request.options, diagnostics, request.line_sink ? &lines : nullptr,
                              census};
    Reader& reader = picker.reader_of(*plugin);
    outcome.documents = guarded(*plugin, [&] { return reader.read({input.name, bytes}, context); });
    if (outcome.documents.empty() && outcome.messages.empty())
      outcome.messages.push_back({false, input.name, "no article found; skipped"});
    const std::string hash = outcome.documents.empty() ? std::string() : sha256_hex(bytes);
    for (auto& document : outcome.documents) {
      const bool from_this_file =
          document.metadata.source.empty() || document.metadata.source == input.name;
      apply_overrides(document, request, input.name);
      if (from_this_file) add_file_facts(document, bytes, hash);
      if (request.near_duplicates != NearDuplicateMode::keep)
        outcome.signatures.push_back(body_signature(document));
    }
  } catch (const std::exception& error) {
    outcome.documents.clear();
    outcome.signatures.clear();
    outcome.messages.push_back({true, input.name, error.what()});
    outcome.failed = true;
  }
  return outcome;
}

// The line keys of one input for the census; empty when it cannot be read
// (the reading pass reports that) or its reader does not survey.
std::vector<std::uint64_t> survey_one(const ReadRequest& request, ReaderPicker& picker,
                                      OpenArchive& archives, const InputRef& input) {
  try {
    const std::string bytes = load_input(input, &archives, request.max_input_bytes);
    const PluginEntry* plugin = picker.pick(input, bytes);
    if (plugin == nullptr) return {};
    ReadOutcome ignored;  // its warnings come again when the input is read
    BufferedDiagnostics diagnostics(ignored);
    const ReadContext context{request.options, diagnostics};
    Reader& reader = picker.reader_of(*plugin);
    return guarded(*plugin, [&] { return reader.survey({input.name, bytes}, context); });
  } catch (const std::exception&) {
    return {};
  }
}

std::string_view extension_of(const InputRef& input) {
  const std::string_view name = input.archive_entry.empty() ? input.name : input.archive_entry;
  const std::size_t slash = name.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.rfind('.');
  return dot == std::string_view::npos || dot == 0 ? std::string_view{} : base.substr(dot);
}

// Files of a listing left out for one reason, named in one warning: one line
// per file would bury the rest of the run's messages.
class SkippedFromListing {
 public:
  // `files_that` completes "skipped 2 files ..."; `reason` goes in the report.
  SkippedFromListing(std::string files_that, std::string reason)
      : files_that_(std::move(files_that)), reason_(std::move(reason)) {}

  void add(const InputRef& input, std::vector<SkippedInput>& skipped_inputs) {
    const std::string_view name = input.archive_entry.empty() ? input.name : input.archive_entry;
    if (where_.empty())
      where_ = input.archive_entry.empty()
                   ? std::filesystem::path(input.name).parent_path().string()
                   : input.path;
    names_.emplace_back(name.substr(name.find_last_of('/') + 1));
    skipped_inputs.push_back({input.name, reason_});
  }

  void warn(Reporter& reporter) const {
    if (names_.empty()) return;
    constexpr std::size_t named = 3;  // a long list would bury the message
    std::string names = fmt::format(
        "{}", fmt::join(names_.begin(), names_.begin() + std::min(named, names_.size()), ", "));
    if (names_.size() > named) names += fmt::format(" and {} more", names_.size() - named);
    reporter.warn(where_, fmt::format("skipped {} {}: {}; name a file, or use -f, to read it",
                                      counted(names_.size(), "file", "files"), files_that_, names));
  }

 private:
  std::string files_that_;
  std::string reason_;
  std::string where_;  // the folder (or archive) of the first file skipped
  std::vector<std::string> names_;
};

// In a folder or archive that holds files a reader claims by extension (the
// dumps, *.txt), files with other extensions are the user's notes, labels or
// saved pages, not inputs: skip them, and say so once. Files the user named
// are always read; in listings where no file has a claimed extension, a file
// is read when a reader's probe is confident (ReaderPicker).
void skip_unclaimed_beside_claimed(const PluginRegistry& registry, const ReadRequest& request,
                                   std::vector<InputRef>& inputs, Reporter& reporter,
                                   std::vector<SkippedInput>& skipped_inputs) {
  if (!request.reader.empty()) return;
  const auto claimed = [&](const InputRef& input) {
    return registry.reader_by_extension(
               input.archive_entry.empty() ? input.name : input.archive_entry) != nullptr;
  };
  if (std::none_of(inputs.begin(), inputs.end(),
                   [&](const InputRef& input) { return input.found_by_listing && claimed(input); }))
    return;
  SkippedFromListing skipped("no reader claims", "no reader claims its extension");
  std::erase_if(inputs, [&](const InputRef& input) {
    if (!input.found_by_listing || claimed(input) || extension_of(input).empty()) return false;
    skipped.add(input, skipped_inputs);
    return true;
  });
  skipped.warn(reporter);
}

namespace fs = std::filesystem;

// The same file whatever path, symbolic link or hard link names it.
struct FileIdentity {
  dev_t device;
  ino_t inode;
  bool operator==(const FileIdentity&) const = default;
};

std::optional<FileIdentity> identity_of(const std::string& path) {
  struct stat info {};
  if (path.empty() || path == "-" || ::stat(path.c_str(), &info) != 0) return std::nullopt;
  return FileIdentity{info.st_dev, info.st_ino};
}

// `path` with links resolved as far as it exists, without a trailing "/".
fs::path resolved(const std::string& path) {
  std::error_code ignored;
  fs::path out = fs::weakly_canonical(path, ignored);
  if (out.empty()) out = fs::absolute(path, ignored).lexically_normal();
  if (!out.has_filename() && out.has_relative_path()) out = out.parent_path();
  return out;
}

bool is_within(const fs::path& path, const fs::path& folder) {
  const auto [in_folder, in_path] =
      std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return in_folder == folder.end();
}

// An earlier output inside a folder given as input is not an input: the
// output file itself, or with --split every file in the output folder.
void skip_this_runs_output(const ReadRequest& request, std::vector<InputRef>& inputs,
                           Reporter& reporter, std::vector<SkippedInput>& skipped_inputs) {
  if (request.output.empty() || request.output == "-") return;
  if (!request.output_is_folder) {
    const auto output = identity_of(request.output);
    if (!output) return;
    std::erase_if(inputs, [&](const InputRef& input) {
      if (!input.found_by_listing || identity_of(input.path) != output) return false;
      reporter.warn(input.name, "this run's output; not read as an input");
      skipped_inputs.push_back({input.name, "this run's output"});
      return true;
    });
    return;
  }
  std::error_code error;
  if (!fs::is_directory(request.output, error)) return;
  const fs::path folder = resolved(request.output);
  std::map<std::string, bool> inside;  // by the folder an input was listed in
  std::size_t skipped = 0;
  std::erase_if(inputs, [&](const InputRef& input) {
    if (!input.found_by_listing || input.path.empty()) return false;
    const std::string parent = fs::path(input.path).parent_path().string();
    auto found = inside.find(parent);
    if (found == inside.end())
      found = inside.emplace(parent, is_within(resolved(parent), folder)).first;
    skipped += found->second;
    if (found->second) skipped_inputs.push_back({input.name, "in this run's output folder"});
    return found->second;
  });
  if (skipped > 0)
    reporter.warn(request.output, fmt::format("skipped {} in this run's output folder; "
                                              "they are not read as inputs",
                                              counted(skipped, "file", "files")));
}

// -o naming an input (through any link) would replace it, and --split into a
// folder holding a named input could: refused before anything is read.
void refuse_output_among_inputs(const ConvertRequest& request) {
  if (request.output == "-") return;
  if (!request.split) {
    const auto output = identity_of(request.output);
    if (!output) return;
    for (const auto& input : request.read.inputs)
      if (identity_of(input) == output)
        throw Error(
            fmt::format("the output is the input {}; it would be replaced: choose "
                        "another output",
                        input));
    return;
  }
  const fs::path folder = resolved(request.output);
  for (const auto& input : request.read.inputs)
    if (input != "-" && is_within(resolved(input), folder))
      throw Error(
          fmt::format("the input {} is in the output folder; its files could be "
                      "replaced: choose another folder",
                      input));
}

std::size_t worker_count(std::size_t jobs) {
  if (jobs != 0) return jobs;
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

}  // namespace

void check_option_values(const PluginEntry& plugin, const OptionValues& values) {
  const auto& declared = plugin.info.options;
  const bool given = std::any_of(declared.begin(), declared.end(), [&](const OptionSpec& option) {
    return values.contains(option.name);
  });
  if (!given) return;
  const Plugin* object = guarded(plugin, [&] { return &plugin.object(); });
  try {
    object->check_options(values);
  } catch (const std::exception& error) {
    throw OptionValueError(fmt::format("{}: {}", plugin.info.name, error.what()));
  } catch (...) {
    throw OptionValueError(
        fmt::format("{}: failed with an exception that is not a std::exception", plugin.info.name));
  }
}

void check_reader_option_values(const PluginRegistry& registry, const ReadRequest& request) {
  if (!request.reader.empty()) {
    if (const auto* forced = registry.find(request.reader, PluginKind::reader))
      check_option_values(*forced, request.options);
    return;
  }
  for (const auto& plugin : registry.plugins()) {
    if (plugin.info.kind != PluginKind::reader) continue;
    try {
      check_option_values(plugin, request.options);
    } catch (const OptionValueError&) {
      throw;
    } catch (const Error&) {
      // Its library does not load: an input it is picked for says so.
    }
  }
}

namespace {

// One warning per cluster: its original and every input left out as a copy.
void warn_of_left_out(const std::vector<DroppedDocument>& dropped, Reporter& reporter) {
  std::map<std::size_t, std::vector<const DroppedDocument*>> by_original;
  for (const auto& document : dropped) by_original[document.of.article].push_back(&document);
  for (const auto& [article, copies] : by_original) {
    std::vector<std::string> names;
    for (const auto* copy : copies)
      names.push_back(fmt::format("{} ({:.2f})", copy->source, copy->of.similarity));
    reporter.warn(copies.front()->of.source,
                  fmt::format("left out {} of article {}: {}",
                              counted(copies.size(), "near-duplicate", "near-duplicates"), article,
                              join(names, ", ")));
  }
}

}  // namespace

void read_documents(const PluginRegistry& registry, const ReadRequest& request, Reporter& reporter,
                    const std::function<void(Document&&)>& sink, ConvertResult& result) {
  if (!request.reader_options_checked) check_reader_option_values(registry, request);
  // A reader named with -f that does not exist fails the run before any
  // folder is walked or archive opened.
  const ReaderPicker forced_reader_exists(registry, request.reader);
  const std::size_t workers = worker_count(request.jobs);
  auto inputs = list_inputs(
      request.inputs,
      [&](const std::string& where, const std::string& what) {
        reporter.error(where, what);
        ++result.inputs_failed;
      },
      request.max_input_bytes);
  skip_this_runs_output(request, inputs, reporter, result.skipped);
  skip_unclaimed_beside_claimed(registry, request, inputs, reporter, result.skipped);
  result.inputs += inputs.size() + result.inputs_failed;
  // Each thread reads with a picker (and so reader objects) of its own:
  // readers need not be thread-safe.
  const auto reading_state = [&] { return ReadingState{{registry, request.reader}, {}}; };
  // No more threads than there are jobs to give them: one input reads on
  // the calling thread, whatever -j says.
  const std::size_t per_job =
      support::items_per_job(inputs.size(), support::pipeline_threads(workers));
  const std::size_t jobs = (inputs.size() + per_job - 1) / per_job;
  const std::size_t threads = std::min(support::pipeline_threads(workers), jobs > 0 ? jobs - 1 : 0);
  // A furniture line must recur in 3 inputs at least: fewer inputs need no survey.
  std::optional<SketchLineCensus> census;
  if (request.survey && inputs.size() >= 3) {
    census.emplace();
    support::OrderedPipeline<std::size_t, std::vector<std::uint64_t>, ReadingState> survey(
        threads,
        [&](const std::size_t& index, ReadingState& state) {
          if (interrupted()) return std::vector<std::uint64_t>{};
          return survey_one(request, state.picker, state.archive, inputs[index]);
        },
        [&](std::vector<std::uint64_t>&& keys) { census->add_input(keys); }, per_job,
        reading_state);
    for (std::size_t index = 0; index < inputs.size(); ++index) {
      if (interrupted()) throw Error("interrupted");
      survey.add(index);
    }
    survey.finish();
  }
  const LineCensus* census_seen = census ? &*census : nullptr;
  std::optional<NearDuplicateFilter> near_duplicates;
  if (request.near_duplicates != NearDuplicateMode::keep)
    near_duplicates.emplace(request.near_duplicates, request.near_duplicate_threshold,
                            inputs.size());
  std::size_t taken = 0;
  SkippedFromListing unrecognised("no reader recognises", "no reader is confident it can read it");
  support::OrderedPipeline<std::size_t, ReadOutcome, ReadingState> reading(
      threads,
      [&](const std::size_t& index, ReadingState& state) {
        if (interrupted()) return ReadOutcome{};
        return read_one(registry, request, state.picker, state.archive, inputs[index], census_seen);
      },
      [&](ReadOutcome&& outcome) {
        if (interrupted()) throw Error("interrupted");
        const std::size_t index = taken++;
        if (outcome.unclaimed) {
          unrecognised.add(inputs[index], result.skipped);
          --result.inputs;  // skipped inputs are not counted as inputs
        }
        for (const auto& message : outcome.messages) {
          if (message.is_error)
            reporter.error(message.where, message.text);
          else
            reporter.warn(message.where, message.text);
        }
        if (outcome.failed) ++result.inputs_failed;
        if (!outcome.failed && !outcome.unclaimed) ++result.inputs_read;
        if (request.line_sink) request.line_sink(inputs[index].name, std::move(outcome.lines));
        // A failing sink (the writer) stops the run: it is not this input's fault.
        for (std::size_t at = 0; at < outcome.documents.size(); ++at) {
          Document& document = outcome.documents[at];
          if (near_duplicates && near_duplicates->leave_out(document, outcome.signatures.at(at)))
            continue;
          ++result.documents;
          sink(std::move(document));
        }
        reporter.progress(index + 1, inputs.size(), result.documents);
      },
      per_job, reading_state);
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    if (interrupted()) throw Error("interrupted");
    reading.add(index);
  }
  reading.finish();
  unrecognised.warn(reporter);
  if (near_duplicates) {
    result.near_duplicates = near_duplicates->found();
    result.near_duplicates_left_out = request.near_duplicates == NearDuplicateMode::drop;
    if (result.near_duplicates_left_out) warn_of_left_out(result.near_duplicates, reporter);
  }
}

namespace {

bool declares(const PluginEntry& plugin, const std::string& option) {
  return std::any_of(plugin.info.options.begin(), plugin.info.options.end(),
                     [&](const OptionSpec& spec) { return spec.name == option; });
}

// An option that only plugins this run does not use take: accepting it in
// silence would leave the user believing it did something.
void refuse_options_of_other_plugins(const PluginRegistry& registry, const PluginEntry& writer,
                                     const ReadRequest& read) {
  const PluginEntry* forced =
      read.reader.empty() ? nullptr : registry.find(read.reader, PluginKind::reader);
  if (!read.reader.empty() && forced == nullptr) return;  // reading says -f names no reader
  for (const auto& given : read.options) {
    const std::string& option = given.first;  // not a structured binding: lambdas use it
    if (declares(writer, option)) continue;
    const bool a_reader_takes_it =
        forced != nullptr ? declares(*forced, option)
                          : std::any_of(registry.plugins().begin(), registry.plugins().end(),
                                        [&](const PluginEntry& plugin) {
                                          return plugin.info.kind == PluginKind::reader &&
                                                 declares(plugin, option);
                                        });
    if (a_reader_takes_it) continue;
    std::vector<std::string> owners;
    for (const auto& plugin : registry.plugins())
      if (declares(plugin, option))
        owners.push_back(fmt::format("the {} {}", plugin.info.name, kind_name(plugin.info.kind)));
    if (owners.empty()) throw OptionValueError(fmt::format("--{} is no plugin's option", option));
    throw OptionValueError(
        fmt::format("--{} is an option of {}, which this run does not use (writer: {}{})", option,
                    fmt::join(owners, " and "), writer.info.name,
                    forced != nullptr ? ", reader: " + forced->info.name : std::string()));
  }
}

// A library named like the plugin the user asked for that docconv rejected
// in an earlier folder of the search path: most likely the one they meant.
void warn_of_rejected_namesake(const PluginRegistry& registry, const PluginEntry& chosen,
                               Diagnostics& diagnostics) {
  const RejectedPlugin* rejected = registry.rejected_named(chosen.info.name);
  if (rejected == nullptr) return;
  const auto& folders = registry.folders();
  // "dir" and "dir/" are one folder.
  const auto folder_key = [](const fs::path& folder) {
    const fs::path normal = folder.lexically_normal();
    return normal.has_filename() ? normal : normal.parent_path();
  };
  const auto position = [&](const fs::path& library) {
    const fs::path folder = folder_key(library.parent_path());
    return std::find_if(folders.begin(), folders.end(),
                        [&](const fs::path& f) { return folder_key(f) == folder; }) -
           folders.begin();
  };
  if (position(rejected->path) >= position(chosen.path)) return;
  diagnostics.warn(rejected->path.string(),
                   fmt::format("rejected ({}); using the {} plugin in {}", rejected->reason,
                               chosen.info.name, chosen.path.string()));
}

}  // namespace

const PluginEntry& choose_writer(const PluginRegistry& registry, const std::string& format,
                                 const std::string& output) {
  if (!format.empty()) {
    if (const auto* writer = registry.find(format, PluginKind::writer)) return *writer;
    throw OptionValueError("-t: " + unavailable(registry, format, PluginKind::writer));
  }
  if (output == "-") throw Error("writing to standard output needs the format: add -t FORMAT");
  if (const auto* writer = registry.writer_for_path(output)) return *writer;
  std::vector<std::string> extensions;
  for (const auto& plugin : registry.plugins())
    if (plugin.info.kind == PluginKind::writer)
      extensions.insert(extensions.end(), plugin.info.extensions.begin(),
                        plugin.info.extensions.end());
  throw Error(fmt::format(
      "cannot tell the output format from the name (known: {}); add -t FORMAT",
      extensions.empty() ? std::string("none") : fmt::format("{}", fmt::join(extensions, ", "))));
}

namespace {

// Passes everything on to `target`, counting the warnings (--strict).
class WarningCounter final : public Reporter {
 public:
  explicit WarningCounter(Reporter& target) : target_(target) {}
  void warn(std::string_view where, std::string_view message) override {
    ++count;
    target_.warn(where, message);
  }
  void error(std::string_view where, std::string_view message) override {
    target_.error(where, message);
  }
  void progress(std::size_t done, std::size_t total, std::size_t articles) override {
    target_.progress(done, total, articles);
  }
  std::size_t count = 0;

 private:
  Reporter& target_;
};

// `-t markdown -o book.epub` would write Markdown into a file every program
// opens as an EPUB: refused unless --force-extension says it is meant.
void refuse_extension_of_other_writer(const PluginRegistry& registry, const PluginEntry& writer,
                                      const ConvertRequest& request) {
  if (request.force_extension || request.output == "-" || request.split) return;
  const PluginEntry* owner = registry.writer_for_path(request.output);
  if (owner == nullptr || owner == &writer) return;
  const std::string extension = fs::path(request.output).extension().string();
  throw Error(
      fmt::format("{} is the extension of the {} writer, not {}; name the file {}, or add "
                  "--force-extension",
                  extension, owner->info.name, writer.info.name,
                  writer.info.extensions.empty()
                      ? std::string("otherwise")
                      : fmt::format("with {}", fmt::join(writer.info.extensions, " or "))));
}

class WriterRun {
 public:
  WriterRun(const PluginEntry& plugin, OutputSink& output, const CollectionMetadata& collection,
            const OptionValues& options, Diagnostics& diagnostics, std::size_t jobs)
      : plugin_(plugin),
        writer_(guarded(plugin, [&] { return PluginRegistry::make_writer(plugin); })),
        context_{collection, output, options, diagnostics,
                 static_cast<unsigned>(worker_count(jobs))} {
    guarded(plugin_, [&] { writer_->begin(context_); });
  }
  void add(const Document& document) {
    guarded(plugin_, [&] { writer_->add(document); });
  }
  void finish() {
    guarded(plugin_, [&] { writer_->finish(); });
  }

 private:
  const PluginEntry& plugin_;
  PluginObject<Writer> writer_;
  WriteContext context_;
};

// What a first reading pass leaves out as near-duplicates, so that writers
// can list it from begin() (a TEI corpus's header comes before its members).
// Its messages are the second pass's to give; only its progress shows.
std::vector<DroppedDocument> left_out_in_first_pass(const PluginRegistry& registry,
                                                    const ReadRequest& request,
                                                    Reporter& reporter) {
  class ProgressOnly final : public Reporter {
   public:
    explicit ProgressOnly(Reporter& target) : target_(target) {}
    void warn(std::string_view, std::string_view) override {}
    void error(std::string_view, std::string_view) override {}
    void progress(std::size_t done, std::size_t total, std::size_t articles) override {
      target_.progress(done, total, articles);
    }

   private:
    Reporter& target_;
  } quiet(reporter);
  ConvertResult first;
  read_documents(
      registry, request, quiet, [](Document&&) {}, first);
  return first.near_duplicates;
}

}  // namespace

void write_collection(const PluginEntry& writer, const Collection& collection, OutputSink& output,
                      const OptionValues& options, Diagnostics& diagnostics, std::size_t jobs) {
  WriterRun run(writer, output, collection.metadata, options, diagnostics, jobs);
  for (const auto& document : collection.documents) run.add(document);
  run.finish();
}

ConvertResult convert(const PluginRegistry& registry, const ConvertRequest& request,
                      Reporter& given_reporter) {
  ConvertResult result;
  WarningCounter warnings(given_reporter);
  Reporter& reporter = warnings;
  const PluginEntry& writer = choose_writer(registry, request.writer, request.output);
  if (request.split && !writer.info.supports_split)
    throw Error(
        fmt::format("the {} writer cannot write one file per article (--split)", writer.info.name));
  if (request.output == "-" && writer.info.binary_output)
    throw Error(fmt::format(
        "the {} writer writes a binary file, not text for standard output; give a file with -o",
        writer.info.name));
  if (request.output == "-" && request.split)
    throw Error("--split writes a folder; give one with -o");
  refuse_extension_of_other_writer(registry, writer, request);
  if (!request.read.reader.empty() &&
      registry.find(request.read.reader, PluginKind::reader) == nullptr)
    throw OptionValueError("-f: " + unavailable(registry, request.read.reader, PluginKind::reader));
  refuse_options_of_other_plugins(registry, writer, request.read);
  if (!request.writer.empty()) warn_of_rejected_namesake(registry, writer, reporter);
  if (!request.read.reader.empty())
    if (const auto* reader = registry.find(request.read.reader, PluginKind::reader))
      warn_of_rejected_namesake(registry, *reader, reporter);
  check_option_values(writer, request.read.options);
  ReadRequest read = request.read;
  check_reader_option_values(registry, read);
  read.reader_options_checked = true;
  refuse_output_among_inputs(request);
  read.output = request.output;
  read.output_is_folder = request.split;

  std::unique_ptr<AtomicFileSink> file;
  std::unique_ptr<StreamSink> console;
  OutputSink* output = nullptr;
  if (request.output == "-") {
    console = std::make_unique<StreamSink>(std::cout, "standard output");
    output = console.get();
  } else {
    file = std::make_unique<AtomicFileSink>(request.output, request.split);
    output = file.get();
  }

  // The writer starts with the first document, so that a run that reads
  // nothing never touches the output.
  std::optional<WriterRun> run;
  CollectionMetadata collection = request.collection;
  try {
    if (read.near_duplicates == NearDuplicateMode::drop)
      collection.dropped = left_out_in_first_pass(registry, read, reporter);
    read_documents(
        registry, read, reporter,
        [&](Document&& document) {
          if (!run)
            run.emplace(writer, *output, collection, request.read.options, reporter,
                        request.read.jobs);
          if (interrupted()) throw Error("interrupted");
          run->add(document);
        },
        result);
    if (!run) {
      result.output_failed = true;
      reporter.error(output->name(), "no document was read; nothing written");
      return result;
    }
    run->finish();
    if (request.strict && warnings.count > 0)
      throw Error(fmt::format("--strict: {} given; nothing written",
                              counted(warnings.count, "warning", "warnings")));
    if (console) console->finish();
    if (file) {
      file->commit();
      result.files_written = file->files_written();
    }
  } catch (const OptionValueError&) {
    throw;  // a usage error, found before anything was read
  } catch (const Error& error) {
    result.output_failed = true;
    reporter.error(output->name(), error.what());
  }
  return result;
}

}  // namespace docconv::host
