// docconv: the command-line front end. Parses arguments and calls the host.
#include "console_reporter.hpp"
#include "new_plugin.hpp"
#include "plugin_options.hpp"

#include "host/convert.hpp"
#include "host/json.hpp"
#include "host/registry.hpp"

#include <docconv/version.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <boost/dll/runtime_symbol_info.hpp>

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

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

// -j beyond this is refused: more threads than any machine docconv runs on
// has cores only cost memory (each reads inputs ahead).
constexpr std::size_t max_jobs = 256;

// Whether everything printed on standard output got there: a full disk, a
// closed pipe or /dev/full show only when the buffer is flushed. Says why not.
bool standard_output_written() {
  errno = 0;
  std::cout.flush();
  const bool flushed = std::cout && std::fflush(stdout) == 0 && !std::ferror(stdout);
  if (flushed) return true;
  print_error("standard output",
              fmt::format("writing failed: {}", std::strerror(errno != 0 ? errno : EIO)));
  return false;
}

struct CommonReadOptions {
  std::vector<std::string> inputs;
  std::string reader;
  std::string language;
  int year = 0;
  std::size_t jobs = 0;
  std::uint64_t max_input_bytes = docconv::host::default_max_input_bytes;
  docconv::OptionValues plugin_values;
};

void add_read_options(CLI::App& command, CommonReadOptions& options) {
  command
      .add_option("inputs", options.inputs,
                  "Files, folders, .zip archives, or - for standard input")
      ->required()
      ->type_name("INPUT");
  command
      .add_option("-f,--from", options.reader,
                  "Input format (reader plugin); default: by extension or content")
      ->type_name("FORMAT");
  command
      .add_option("--lang", options.language,
                  "Language of the articles (BCP 47), overriding detection")
      ->type_name("TAG");
  command.add_option("--year", options.year, "Year for dates that give only month and day")
      ->check(CLI::Range(1, 9999).description(""))
      ->type_name("YYYY");
  command
      .add_option("-j,--jobs", options.jobs,
                  fmt::format("Threads to read and render on, 1 to {}, or 0 for one per core "
                              "(the default); same output for any N",
                              max_jobs))
      ->check(CLI::Range(std::size_t{0}, max_jobs).description(""))
      ->type_name("N");
  command
      .add_option("--max-input-size", options.max_input_bytes,
                  fmt::format("Largest input (file, zip entry, standard input) to read; larger "
                              "ones are refused. Reading one takes about 10 times its size in "
                              "memory (default: {})",
                              docconv::host::size_text(docconv::host::default_max_input_bytes)))
      ->transform(CLI::AsSizeValue(false).description(""))
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40).description(""))
      ->type_name("SIZE");
}

docconv::host::ReadRequest read_request(const CommonReadOptions& options) {
  docconv::host::ReadRequest request{options.inputs,   options.reader, options.plugin_values,
                                     options.language, options.year,   options.jobs};
  request.max_input_bytes = options.max_input_bytes;
  return request;
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

extern "C" void on_interrupt(int signal_number) {
  docconv::host::request_interrupt();
  std::signal(signal_number, SIG_DFL);  // a second signal ends the process at once
}

int run_convert(const docconv::host::PluginRegistry& registry, const CommonReadOptions& read,
                const docconv::host::ConvertRequest& base, bool strict, bool quiet) {
  auto request = base;
  request.read = read_request(read);
  docconv::cli::ConsoleReporter reporter;
  docconv::host::ConvertResult result;
  try {
    result = docconv::host::convert(registry, request, reporter);
  } catch (const docconv::Error& error) {
    print_error(request.output, error.what());
    return exit_usage;
  }
  if (!quiet) {
    if (!request.split && result.files_written > 0)
      fmt::print(stderr, "docconv: wrote {} ({} articles from {} inputs)\n", request.output,
                 result.documents, result.inputs);
    if (request.split && result.files_written > 0)
      fmt::print(stderr, "docconv: wrote {} files into {} ({} articles from {} inputs)\n",
                 result.files_written, request.output, result.documents, result.inputs);
  }
  if (result.output_failed || result.inputs_failed > 0) return exit_failed;
  if (strict && reporter.warnings() > 0) return exit_failed;
  return exit_ok;
}

// `inspect --lines`: each input line with the class the reader gave it.
void print_lines(const std::string& input, std::vector<docconv::host::ReportedLine>&& lines) {
  fmt::print("==> {} <==\n", input);
  if (lines.empty()) fmt::print("(the reader does not report line classes)\n");
  for (const auto& line : lines) {
    if (line.reason.empty())
      fmt::print("{:>5}  {:<10}  {}\n", line.number, line.label, line.text);
    else
      fmt::print("{:>5}  {:<10}  {}  [{}]\n", line.number, line.label, line.text, line.reason);
  }
}

int run_inspect(const docconv::host::PluginRegistry& registry, const CommonReadOptions& read,
                bool strict, bool lines) {
  docconv::cli::ConsoleReporter reporter;
  docconv::host::ConvertResult result;
  std::vector<docconv::Document> documents;
  docconv::host::ReadRequest request = read_request(read);
  if (lines) request.line_sink = print_lines;
  try {
    docconv::host::read_documents(
        registry, request, reporter,
        [&](docconv::Document&& document) {
          if (!lines) documents.push_back(std::move(document));
        },
        result);
  } catch (const docconv::Error& error) {
    print_error("", error.what());
    return exit_usage;
  }
  if (!lines) std::cout << docconv::host::inspect_json(documents);
  if (!standard_output_written()) return exit_failed;
  if (result.inputs_failed > 0) return exit_failed;
  if (strict && reporter.warnings() > 0) return exit_failed;
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "docconv: convert news article dumps into EPUB, TEI-XML, Markdown and more.\n"
      "Readers and writers are plugins found at run time; see `docconv plugins`.",
      "docconv"};
  app.set_version_flag("--version",
                       fmt::format("docconv {} (plugin ABI {}, model {})", docconv::version_string,
                                   docconv::abi_version, docconv::model_version));
  app.require_subcommand(1);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return fmt::format("docconv: error: {} (see docconv --help)\n", error.what());
  });

  std::vector<std::string> plugin_dirs;
  bool strict = false;
  bool quiet = false;
  app.add_option("--plugin-dir", plugin_dirs,
                 "Also look for plugins in DIR (searched first; repeatable)")
      ->type_name("DIR");
  app.add_flag("--strict", strict, "Treat warnings as failures (exit code 1)");
  app.add_flag("-q,--quiet", quiet, "Print only warnings and errors");

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
  const auto selected_writer = docconv::cli::prescan(argc, argv, "to", "t");
  const auto selected_reader = docconv::cli::prescan(argc, argv, "from", "f");

  CommonReadOptions convert_read;
  docconv::host::ConvertRequest convert_request;
  auto* convert =
      app.add_subcommand("convert", "Convert inputs into one output (or one file per article)");
  convert->fallthrough();
  add_read_options(*convert, convert_read);
  convert
      ->add_option("-o,--output", convert_request.output,
                   "Output file, folder with --split, or - for standard output")
      ->required()
      ->type_name("OUTPUT");
  convert
      ->add_option("-t,--to", convert_request.writer,
                   "Output format (writer plugin); default: from the output's extension")
      ->type_name("FORMAT");
  convert->add_flag("--split", convert_request.split,
                    "Write one file per article into the folder given by -o");
  convert->add_option("--title", convert_request.collection.title, "Title of the collection")
      ->type_name("TEXT");
  convert
      ->add_option("--author", convert_request.collection.authors,
                   "Author of the collection (repeatable)")
      ->type_name("NAME");
  docconv::cli::add_plugin_options(*convert, registry, PluginKind::reader,
                                   selected_reader.empty() ? "" : selected_reader.back(),
                                   convert_read.plugin_values);
  docconv::cli::add_plugin_options(*convert, registry, PluginKind::writer,
                                   selected_writer.empty() ? "" : selected_writer.back(),
                                   convert_read.plugin_values);

  CommonReadOptions inspect_read;
  auto* inspect = app.add_subcommand("inspect", "Print the document model of inputs as JSON");
  inspect->fallthrough();
  add_read_options(*inspect, inspect_read);
  bool inspect_lines = false;
  inspect->add_flag("--lines", inspect_lines,
                    "Print every input line with the class the reader gave it (and why it "
                    "removed a line) instead of the model");
  docconv::cli::add_plugin_options(*inspect, registry, PluginKind::reader,
                                   selected_reader.empty() ? "" : selected_reader.back(),
                                   inspect_read.plugin_values);

  const std::string global_options =
      "\nGlobal options: --plugin-dir DIR (repeatable), --strict, -q.\n"
      "Exit status: 0 success, 1 conversion failed, 2 usage error.";
  convert->footer(global_options);
  inspect->footer(global_options);

  bool plugins_as_json = false;
  auto* plugins =
      app.add_subcommand("plugins", "List the plugins found, and those rejected with the reason");
  plugins->fallthrough();
  plugins->add_flag("--json", plugins_as_json, "Print the list as JSON");

  std::string new_kind;
  std::string new_name;
  std::string new_dir;
  auto* new_plugin = app.add_subcommand(
      "new-plugin", "Write a ready-to-build plugin project to start your own reader or writer");
  new_plugin->add_option("kind", new_kind, "writer or reader")
      ->required()
      ->check(CLI::IsMember({"writer", "reader"}));
  new_plugin->add_option("name", new_name, "Plugin name: a-z, 0-9, '-' and '_' (used by -t/-f)")
      ->required();
  new_plugin->add_option("--dir", new_dir, "Folder to create (default: ./docconv-NAME)")
      ->type_name("DIR");

  if (argc == 1) {
    std::cerr << app.help();
    return exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? exit_ok : exit_usage;
  }

  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);

  if (*plugins) {
    std::cout << (plugins_as_json ? docconv::host::plugins_json(registry) : plugin_table(registry));
    return standard_output_written() ? exit_ok : exit_failed;
  }
  if (*new_plugin) {
    const fs::path folder = new_dir.empty() ? fs::path("docconv-" + new_name) : fs::path(new_dir);
    try {
      docconv::cli::write_plugin_project(
          new_kind == "writer" ? PluginKind::writer : PluginKind::reader, new_name, folder);
    } catch (const docconv::Error& error) {
      print_error("new-plugin", error.what());
      return exit_usage;
    }
    fmt::print("wrote a {} plugin project into {}; see {}/README.md\n", new_kind, folder.string(),
               folder.string());
    return exit_ok;
  }
  // An interrupt stops the run at the next input; one input that keeps a
  // reader or writer busy longer is cut short (docs/robustness.md).
  const docconv::host::InterruptDeadline deadline(std::chrono::milliseconds(800));
  if (*inspect) return run_inspect(registry, inspect_read, strict, inspect_lines);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    try {
      convert_request.collection.source_date_epoch = std::stoll(epoch);
    } catch (const std::exception&) {
      print_error("SOURCE_DATE_EPOCH", fmt::format("'{}' is not a number of seconds", epoch));
      return exit_usage;
    }
  }
  convert_request.collection.language = convert_read.language;
  return run_convert(registry, convert_read, convert_request, strict, quiet);
}
