// docconv: the command-line front end. Parses arguments and calls the host.
#include "command_line.hpp"
#include "console_reporter.hpp"
#include "new_plugin.hpp"
#include "reference.hpp"
#include "report.hpp"

#include "host/convert.hpp"
#include "host/json.hpp"
#include "host/output.hpp"
#include "host/registry.hpp"

#include <docconv/text.hpp>

#include <fmt/format.h>
#include <boost/dll/runtime_symbol_info.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace {

namespace fs = std::filesystem;
using docconv::PluginKind;
using docconv::cli::print_error;

using Clock = std::chrono::steady_clock;

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

// Whether everything printed on standard output got there: a full disk, a
// closed pipe or /dev/full show only when the buffer is flushed. Says why not.
bool standard_output_written(docconv::host::StandardOutput& standard_output) {
  const int error = standard_output.flush();
  if (error == 0) return true;
  print_error("standard output", fmt::format("writing failed: {}", std::strerror(error)));
  return false;
}

std::string plugin_table(const docconv::host::PluginRegistry& registry) {
  std::string out = fmt::format("{:<12} {:<7} {:<8} {:<22} {}\n", "NAME", "KIND", "VERSION",
                                "EXTENSIONS", "PATH");
  for (const auto& plugin : registry.plugins()) {
    out += fmt::format("{:<12} {:<7} {:<8} {:<22} {}\n", plugin.info.name,
                       docconv::host::kind_name(plugin.info.kind), plugin.info.version,
                       fmt::format("{}", fmt::join(plugin.info.extensions, " ")),
                       plugin.path.string());
  }
  if (registry.plugins().empty()) out += "(no plugins found)\n";
  for (const auto& shadowed : registry.shadowed())
    out += fmt::format("shadowed: {} (plugin {}, already found at {})\n", shadowed.path.string(),
                       shadowed.name, shadowed.used.string());
  for (const auto& rejected : registry.rejected())
    out += fmt::format("rejected: {}: {}\n", rejected.path.string(), rejected.reason);
  out += "search path:";
  for (const auto& folder : registry.folders()) out += " " + folder.string();
  return out + "\n";
}

// --generate: the man page or a completion script, from the parser's own
// definitions; inputs complete by the extensions the readers found take.
std::string generated_reference(const docconv::cli::CommandLine& line,
                                const docconv::host::PluginRegistry& registry) {
  const auto commands = line.reference();
  std::vector<std::string> extensions{".zip"};  // archives of inputs, read by the host
  for (const auto& plugin : registry.plugins())
    if (plugin.info.kind == PluginKind::reader)
      for (const auto& extension : plugin.info.extensions)
        if (std::find(extensions.begin(), extensions.end(), extension) == extensions.end())
          extensions.push_back(extension);
  if (line.generate == "man") return docconv::cli::man_page(commands);
  if (line.generate == "complete-bash") return docconv::cli::bash_completion(commands, extensions);
  if (line.generate == "complete-zsh") return docconv::cli::zsh_completion(commands, extensions);
  return docconv::cli::fish_completion(commands, extensions);
}

extern "C" void on_interrupt(int signal_number) {
  docconv::host::request_interrupt();
  std::signal(signal_number, SIG_DFL);  // a second signal ends the process at once
}

// What --progress and -q ask for.
docconv::cli::ProgressMode progress_mode(const docconv::cli::CommandLine& line) {
  if (line.quiet || line.progress == "never") return docconv::cli::ProgressMode::never;
  return line.progress == "always" ? docconv::cli::ProgressMode::always
                                   : docconv::cli::ProgressMode::auto_;
}

// The end of a convert or inspect run: the warnings that were not repeated,
// the report if asked for; gives back the exit status (a report that cannot
// be written fails the run).
int finish_run(const docconv::cli::CommandLine& line, docconv::cli::ConsoleReporter& reporter,
               docconv::cli::RunSummary summary, Clock::time_point started) {
  reporter.finish();
  if (line.report.empty()) return summary.exit_code;
  summary.reporter = &reporter;
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  try {
    docconv::cli::write_report(line.report, summary);
  } catch (const docconv::Error& error) {
    print_error(line.report, fmt::format("cannot write the report: {}", error.what()));
    return summary.exit_code == exit_ok ? exit_failed : summary.exit_code;
  }
  return summary.exit_code;
}

// False, having said why, when --report names a file the run must not or
// cannot write: found before anything is read, not after the output is written.
bool refuse_report_destination(const docconv::cli::CommandLine& line,
                               const std::vector<std::string>& inputs, const std::string& output) {
  if (line.report.empty()) return true;
  try {
    docconv::cli::check_report_destination(line.report, inputs, output);
  } catch (const docconv::Error& error) {
    print_error("--report", error.what());
    return false;
  }
  return true;
}

int run_convert(const docconv::host::PluginRegistry& registry,
                const docconv::cli::CommandLine& line) {
  const auto started = Clock::now();
  auto request = line.convert_request;
  request.read = docconv::cli::read_request(line.convert_read);
  request.strict = line.strict;
  // Without -o, a text format goes to standard output, as with Pandoc.
  if (request.output.empty()) {
    if (request.writer.empty()) {
      print_error("",
                  "give the output with -o OUTPUT, or the format with -t FORMAT to write to "
                  "standard output");
      return exit_usage;
    }
    request.output = "-";
  }
  if (!refuse_report_destination(line, request.read.inputs, request.output)) return exit_usage;
  if (line.report == "-" && request.output == "-") {
    print_error("--report", "standard output carries the converted text; give the report a file");
    return exit_usage;
  }
  // What a message about the output names: nothing when the user gave none.
  const std::string output_named =
      line.convert_request.output.empty() ? std::string() : request.output;
  docconv::cli::ConsoleReporter reporter(progress_mode(line), line.verbose);
  docconv::host::ConvertResult result;
  try {
    result = docconv::host::convert(registry, request, reporter);
  } catch (const docconv::host::OptionValueError& error) {
    print_error("", error.what());
    return exit_usage;
  } catch (const docconv::Error& error) {
    print_error(output_named, error.what());
    return exit_usage;
  }
  int status = exit_ok;
  if (result.output_failed || result.inputs_failed > 0 || (line.strict && reporter.warnings() > 0))
    status = exit_failed;
  status =
      finish_run(line, reporter,
                 {"convert", status, 0, &result, nullptr, request.output, request.split}, started);
  if (!line.quiet) {
    using docconv::counted;
    const std::string read =
        fmt::format("{} from {}", counted(result.documents, "article", "articles"),
                    counted(result.inputs, "input", "inputs"));
    if (!request.split && result.files_written > 0)
      docconv::cli::print_note(fmt::format("wrote {} ({})", request.output, read));
    if (request.split && result.files_written > 0)
      docconv::cli::print_note(fmt::format("wrote {} into {} ({})",
                                           counted(result.files_written, "file", "files"),
                                           request.output, read));
  }
  return status;
}

// `inspect --lines`: each input line with the class the reader gave it.
void print_lines(const std::string& input, std::vector<docconv::host::ReportedLine>&& lines) {
  std::cout << fmt::format("==> {} <==\n", input);
  if (lines.empty()) std::cout << "(the reader does not report line classes)\n";
  for (const auto& line : lines) {
    if (line.reason.empty())
      std::cout << fmt::format("{:>5}  {:<10}  {}\n", line.number, line.label, line.text);
    else
      std::cout << fmt::format("{:>5}  {:<10}  {}  [{}]\n", line.number, line.label, line.text,
                               line.reason);
  }
}

int run_inspect(const docconv::host::PluginRegistry& registry,
                const docconv::cli::CommandLine& line,
                docconv::host::StandardOutput& standard_output) {
  const auto started = Clock::now();
  if (line.report == "-") {
    print_error("--report", "standard output carries what inspect prints; give the report a file");
    return exit_usage;
  }
  docconv::host::ReadRequest request = docconv::cli::read_request(line.inspect_read);
  if (!refuse_report_destination(line, request.inputs, "")) return exit_usage;
  docconv::cli::ConsoleReporter reporter(progress_mode(line), line.verbose);
  docconv::host::ConvertResult result;
  std::vector<docconv::Document> documents;
  const bool lines = line.inspect_lines;
  if (lines) request.line_sink = print_lines;
  try {
    docconv::host::read_documents(
        registry, request, reporter,
        [&](docconv::Document&& document) {
          if (!lines) documents.push_back(std::move(document));
        },
        result);
  } catch (const docconv::Error& error) {
    if (!docconv::host::interrupted()) {
      print_error("", error.what());
      return exit_usage;
    }
    reporter.error("", error.what());  // the report still tells what was read
    return finish_run(line, reporter, {"inspect", exit_failed, 0, &result, nullptr, "", false},
                      started);
  }
  if (!lines) std::cout << docconv::host::inspect_json(documents);
  int status = exit_ok;
  if (!standard_output_written(standard_output) || result.inputs_failed > 0 ||
      (line.strict && reporter.warnings() > 0))
    status = exit_failed;
  return finish_run(line, reporter, {"inspect", status, 0, &result, nullptr, "", false}, started);
}

}  // namespace

int main(int argc, char** argv) {
  docconv::host::StandardOutput standard_output;
  // Plugins decide which options exist, so they are found before parsing.
  std::vector<fs::path> cli_folders;
  for (const auto& dir : docconv::cli::prescan(argc, argv, "plugin-dir"))
    cli_folders.emplace_back(dir);
  const fs::path executable = boost::dll::program_location().string();
  const auto search_path = docconv::host::plugin_search_path(
      cli_folders, executable.parent_path() / DOCCONV_INSTALLED_PLUGIN_DIR,
      docconv::host::is_inside(executable, DOCCONV_BUILD_ROOT) ? fs::path(DOCCONV_BUILD_PLUGIN_DIR)
                                                               : fs::path());
  const auto registry = docconv::host::PluginRegistry::discover(search_path);

  docconv::cli::CommandLine line;
  docconv::cli::define_command_line(line, registry, argc, argv);
  if (argc == 1) {
    std::cerr << line.help();
    return exit_usage;
  }
  if (const auto ended = line.parse_or_report(argc, argv)) {
    if (*ended != 0) return exit_usage;
    return standard_output_written(standard_output) ? exit_ok : exit_failed;
  }

  if (!line.generate.empty()) {
    std::cout << generated_reference(line, registry);
    return standard_output_written(standard_output) ? exit_ok : exit_failed;
  }
  if (line.command == docconv::cli::Command::none) {
    print_error("",
                "a command is required: convert, inspect, plugins or new-plugin (see docconv "
                "--help)");
    return exit_usage;
  }

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);

  if (line.command == docconv::cli::Command::plugins && !line.plugins_names_of.empty()) {
    const PluginKind kind =
        line.plugins_names_of == "writers" ? PluginKind::writer : PluginKind::reader;
    for (const auto& plugin : registry.plugins()) {
      if (plugin.info.kind != kind) continue;
      std::cout << plugin.info.name << '\n';
      for (const auto& alias : plugin.info.aliases) std::cout << alias << '\n';
    }
    return standard_output_written(standard_output) ? exit_ok : exit_failed;
  }
  if (line.command == docconv::cli::Command::plugins) {
    std::cout << (line.plugins_as_json ? docconv::host::plugins_json(registry)
                                       : plugin_table(registry));
    return standard_output_written(standard_output) ? exit_ok : exit_failed;
  }
  if (line.command == docconv::cli::Command::new_plugin) {
    const fs::path folder =
        line.new_dir.empty() ? fs::path("docconv-" + line.new_name) : fs::path(line.new_dir);
    const PluginKind kind = line.new_kind == "writer" ? PluginKind::writer : PluginKind::reader;
    // Plugin names are one namespace for readers and writers, and the first
    // plugin of a name in the search path wins: the new one would shadow a
    // built-in one (or be shadowed by it) without a word.
    const auto* taken = registry.find(line.new_name, PluginKind::writer);
    if (taken == nullptr) taken = registry.find(line.new_name, PluginKind::reader);
    if (taken != nullptr) {
      print_error("new-plugin", fmt::format("there is already a plugin named '{}' ({}); choose "
                                            "another name",
                                            line.new_name, taken->path.string()));
      return exit_usage;
    }
    try {
      docconv::cli::write_plugin_project(kind, line.new_name, folder);
    } catch (const docconv::Error& error) {
      print_error("new-plugin", error.what());
      return exit_usage;
    }
    std::cout << fmt::format("wrote a {} plugin project into {}; see {}/README.md\n", line.new_kind,
                             folder.string(), folder.string());
    return standard_output_written(standard_output) ? exit_ok : exit_failed;
  }
  // An interrupt stops the run at the next input; one input that keeps a
  // reader or writer busy longer is cut short (docs/robustness.md).
  const docconv::host::InterruptDeadline deadline(std::chrono::milliseconds(800));
  if (line.command == docconv::cli::Command::inspect)
    return run_inspect(registry, line, standard_output);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    try {
      line.convert_request.collection.source_date_epoch = std::stoll(epoch);
    } catch (const std::exception&) {
      print_error("SOURCE_DATE_EPOCH", fmt::format("'{}' is not a number of seconds", epoch));
      return exit_usage;
    }
  }
  line.convert_request.collection.language = line.convert_read.language;
  return run_convert(registry, line);
}
