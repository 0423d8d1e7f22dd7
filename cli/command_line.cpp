#include "command_line.hpp"

#include "host/did_you_mean.hpp"

#include <docconv/text.hpp>
#include <docconv/version.hpp>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <sstream>

namespace docconv::cli {
namespace {

// Help lines end by this column: a terminal's default width.
constexpr std::size_t help_width = 80;

// `text` broken into lines of at most `width` columns at spaces (a longer
// word stands alone). Counts bytes: the help text is ASCII.
std::string wrap(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;  // length of the line being filled
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find_first_of(" \n", start), text.size());
    const std::string_view word = text.substr(start, end - start);
    if (line > 0 && line + 1 + word.size() > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    if (end < text.size() && text[end] == '\n') {
      out += '\n';
      line = 0;
    }
    start = end + 1;
  }
  return out;
}

// CLI11 prints each description on one line however long it is; this one
// wraps them under the description column, within help_width.
class WrappingFormatter final : public CLI::Formatter {
 public:
  std::string make_option_desc(const CLI::Option* option) const override {
    return wrap(CLI::Formatter::make_option_desc(option), description_width());
  }
  std::string make_subcommand(const CLI::App* command) const override {
    std::stringstream out;
    CLI::detail::format_help(out, command->get_display_name(true),
                             wrap(command->get_description(), description_width()),
                             get_column_width());
    return out.str();
  }

 private:
  std::size_t description_width() const { return help_width - get_column_width(); }
};

// An option whose value is one of `choices`. Its description, "{a,b}" after
// the value name in --help, is what reference_of() reads the choices from.
CLI::Validator one_of(std::vector<std::string> choices) {
  const std::string listed = fmt::format("{{{}}}", fmt::join(choices, ","));
  return CLI::Validator(
      [choices = std::move(choices)](const std::string& value) {
        if (std::find(choices.begin(), choices.end(), value) != choices.end()) return std::string();
        const std::string last = choices.back();
        return fmt::format("'{}' is not {}{}{}{}", value, choices.size() > 1 ? "one of " : "",
                           fmt::join(choices.begin(), choices.end() - 1, ", "),
                           choices.size() > 1 ? " or " : "", last);
      },
      listed, "one of");
}

// Adds every option of every plugin of `kind` to `command` once, grouped by
// plugin. Groups of plugins other than `selected` (when given) are hidden
// from --help. Given values land in `values`.
void add_plugin_options(CLI::App& command, const host::PluginRegistry& registry, PluginKind kind,
                        const std::string& selected, OptionValues& values) {
  for (const auto& plugin : registry.plugins()) {
    if (plugin.info.kind != kind) continue;
    const bool shown = selected.empty() || plugin.info.name == selected ||
                       std::find(plugin.info.aliases.begin(), plugin.info.aliases.end(),
                                 selected) != plugin.info.aliases.end();
    const std::string group =
        shown ? plugin.info.name + " " + std::string(host::kind_name(kind)) + " options" : "";
    for (const auto& spec : plugin.info.options) {
      // Shared by two plugins (a reader's and a writer's too): one option, as
      // declared first, feeding the one map both read. CLI11 would throw.
      const std::string flag = "--" + spec.name;
      if (command.get_option_no_throw(flag) != nullptr) continue;
      CLI::Option* option = nullptr;
      if (spec.is_flag) {
        option = command.add_flag_callback(
            flag, [&values, name = spec.name] { values[name] = "true"; }, spec.help);
      } else {
        option = command.add_option_function<std::string>(
            flag, [&values, name = spec.name](const std::string& value) { values[name] = value; },
            spec.help);
        if (!spec.value_name.empty()) option->type_name(spec.value_name);
        if (!spec.choices.empty()) option->check(one_of(spec.choices));
      }
      option->group(group);
    }
  }
}

// "; for English, use en": a language written by its English name.
std::string language_name_hint(std::string_view given) {
  static const std::pair<std::string_view, std::string_view> names[] = {
      {"arabic", "ar"},   {"chinese", "zh"}, {"czech", "cs"},   {"dutch", "nl"},
      {"english", "en"},  {"french", "fr"},  {"german", "de"},  {"greek", "el"},
      {"hebrew", "he"},   {"hindi", "hi"},   {"italian", "it"}, {"japanese", "ja"},
      {"korean", "ko"},   {"persian", "fa"}, {"polish", "pl"},  {"portuguese", "pt"},
      {"russian", "ru"},  {"spanish", "es"}, {"swedish", "sv"}, {"turkish", "tr"},
      {"ukrainian", "uk"}};
  std::string lower(given);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [name, tag] : names)
    if (lower == name)
      return fmt::format("; for {}{}, use {}", static_cast<char>(std::toupper(name[0])),
                         name.substr(1), tag);
  return {};
}

// Text for the collection's metadata: a control character (an escape
// sequence, a line break, a C1 control some terminals obey) would end up in
// every output's title page, and bytes that are not UTF-8 in none.
CLI::Validator no_control_characters() {
  return CLI::Validator(
      [](const std::string& value) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          const auto c = static_cast<unsigned char>(value[i]);
          const bool c1 = c == 0xC2 && i + 1 < value.size() &&
                          static_cast<unsigned char>(value[i + 1]) < 0xA0;  // U+0080-U+009F
          if (c < 0x20 || c == 0x7F || c1)
            return std::string("control characters (line breaks, tabs, escapes) are not allowed");
        }
        return is_xml_safe(value) ? std::string() : std::string("not UTF-8 text");
      },
      "", "no control characters");
}

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
                  "Language of the articles (BCP 47, e.g. en, ru-RU), overriding detection")
      ->transform(CLI::Validator(
          [](std::string& value) {
            const auto tag = language_tag(value);
            if (!tag)
              return fmt::format("'{}' is not a language tag (BCP 47, e.g. en, ru-RU){}", value,
                                 language_name_hint(value));
            value = *tag;
            return std::string();
          },
          "", "language tag"))
      ->type_name("TAG");
  command.add_option("--year", options.year, "Year for dates that give only month and day")
      ->check(CLI::Range(1000, 9999).description(""))
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
                              host::size_text(host::default_max_input_bytes)))
      ->transform(CLI::AsSizeValue(false).description(""))
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40).description(""))
      ->type_name("SIZE");
  const std::map<std::string, host::NearDuplicateMode> modes{
      {"mark", host::NearDuplicateMode::mark},
      {"drop", host::NearDuplicateMode::drop},
      {"keep", host::NearDuplicateMode::keep}};
  command
      .add_option("--near-duplicates", options.near_duplicates,
                  "Articles that largely repeat an earlier one of the set: mark (say which, the "
                  "default), drop (leave them out, with a warning), keep (do not look)")
      ->transform(CLI::CheckedTransformer(modes).description(""))
      ->type_name("MODE:{mark,drop,keep}");
  command
      .add_option("--near-duplicates-threshold", options.near_duplicate_threshold,
                  fmt::format("How similar an article must be to an earlier one to count as its "
                              "near-duplicate: the share of the shorter text found in the other, "
                              "at the low end of the estimate's margin, 0.05 to 1 (default: {})",
                              host::default_near_duplicate_threshold))
      // Not CLI::Range: it lets "nan" through (every comparison with it is false).
      ->check(CLI::Validator(
          [](const std::string& value) {
            double number = 0;
            const bool read = CLI::detail::lexical_cast(value, number);
            return read && number >= 0.05 && number <= 1.0
                       ? std::string()
                       : fmt::format("'{}' is not a number from 0.05 to 1", value);
          },
          "", "threshold"))
      ->type_name("X");
}

}  // namespace

std::vector<std::string> prescan(int argc, char** argv, const std::string& name,
                                 const std::string& short_name) {
  std::vector<std::string> values;
  const std::string long_form = "--" + name;
  const std::string short_form = short_name.empty() ? std::string() : "-" + short_name;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if ((arg == long_form || (!short_form.empty() && arg == short_form)) && i + 1 < argc) {
      values.emplace_back(argv[++i]);
    } else if (arg.rfind(long_form + "=", 0) == 0) {
      values.push_back(arg.substr(long_form.size() + 1));
    }
  }
  return values;
}

CommandLine::CommandLine() : app(std::make_unique<CLI::App>()) {}
CommandLine::~CommandLine() = default;

void CommandLine::parse(int argc, char** argv) {
  // CLI11 2.1 refuses what follows "--" once an input came before it
  // ("a.txt -- -b.txt"): parse what comes before, and take the rest as inputs.
  char** const end = argc < 1 ? argv : std::find(argv + 1, argv + argc, std::string_view("--"));
  const std::vector<std::string> after(end == argv + argc ? end : end + 1, argv + argc);
  if (end != argv + argc)
    for (CLI::App* reading : {convert_, inspect_})
      reading->get_option("inputs")->required(after.empty());
  app->parse(static_cast<int>(end - argv), argv);
  command = *convert_      ? Command::convert
            : *inspect_    ? Command::inspect
            : *plugins_    ? Command::plugins
            : *new_plugin_ ? Command::new_plugin
                           : Command::none;
  if (after.empty()) return;
  if (command == Command::convert)
    convert_read.inputs.insert(convert_read.inputs.end(), after.begin(), after.end());
  else if (command == Command::inspect)
    inspect_read.inputs.insert(inspect_read.inputs.end(), after.begin(), after.end());
  else
    throw CLI::ExtrasError(after);
}

namespace {

// The first argument that is neither an option nor the value of one of the
// program's options: the command.
std::string command_word(const CLI::App& program, int argc, char** argv) {
  std::vector<std::string> taking_values;
  for (const CLI::Option* option : program.get_options())
    if (option->nonpositional() && option->get_expected_max() != 0)
      for (const auto& name : option->get_lnames()) taking_values.push_back("--" + name);
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (std::find(taking_values.begin(), taking_values.end(), arg) != taking_values.end()) {
      ++i;
      continue;
    }
    if (arg == "--") return i + 1 < argc ? argv[i + 1] : "";
    if (!arg.starts_with("-")) return std::string(arg);
  }
  return {};
}

// Every spelling of the options `command` (and the program) take.
std::vector<std::string> option_spellings(const CLI::App& program, const CLI::App* command) {
  std::vector<std::string> spellings;
  for (const CLI::App* app : {&program, command}) {
    if (app == nullptr) continue;
    for (const CLI::Option* option : app->get_options()) {
      for (const auto& name : option->get_lnames()) spellings.push_back("--" + name);
      for (const auto& name : option->get_snames()) spellings.push_back("-" + name);
    }
  }
  return spellings;
}

void print_usage_error(const std::string& message) {
  std::fputs(fmt::format("docconv: error: {} (see docconv --help)\n", message).c_str(), stderr);
}

}  // namespace

std::optional<int> CommandLine::parse_or_report(int argc, char** argv) {
  std::vector<std::string> commands;
  for (const CLI::App* command : app->get_subcommands({})) commands.push_back(command->get_name());
  const std::string word = command_word(*app, argc, argv);
  if (!word.empty() && std::find(commands.begin(), commands.end(), word) == commands.end()) {
    const std::string suggestion = host::did_you_mean(word, commands);
    print_usage_error(fmt::format(
        "'{}' is not a docconv command{}", word,
        suggestion.empty() ? fmt::format(": the commands are {}", fmt::join(commands, ", "))
                           : suggestion));
    return 2;
  }
  try {
    parse(argc, argv);
  } catch (const CLI::ExtrasError& error) {
    // CLI11 names what it did not expect; a mistyped option gets a suggestion.
    const CLI::App* command = word.empty() ? nullptr : app->get_subcommand(word);
    const auto known = option_spellings(*app, command);
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--") break;
      if (!arg.starts_with("--")) continue;
      const std::string name(arg.substr(0, arg.find('=')));
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      print_usage_error(fmt::format("unknown option {}{}", name, host::did_you_mean(name, known)));
      return error.get_exit_code();
    }
    return app->exit(error);
  } catch (const CLI::RequiredError& error) {
    if (!std::string_view(error.what()).starts_with("inputs ")) return app->exit(error);
    print_usage_error(
        "no input given: name files, folders, .zip archives, or - for standard input");
    return error.get_exit_code();
  } catch (const CLI::ParseError& error) {
    return app->exit(error);  // --help and --version print here too
  }
  return std::nullopt;
}

std::string CommandLine::help() const {
  return app->help();
}

namespace {

// What completes an option's value in a shell, from its value name.
std::string completion_of(const CLI::Option& option) {
  if (option.check_lname("to")) return "writers";
  if (option.check_lname("from")) return "readers";
  const std::string type = option.get_type_name();
  if (type == "DIR") return "folders";
  if (type == "FILE" || type == "IMAGE" || type == "OUTPUT" || type == "INPUT") return "files";
  return {};
}

CommandReference reference_of(const CLI::App& command, const std::string& name) {
  CommandReference reference{name, command.get_description(), {}};
  for (const CLI::Option* option : command.get_options()) {
    OptionReference entry;
    entry.positional = !option->nonpositional();
    if (entry.positional) {
      entry.names.push_back(option->get_name());
    } else {
      for (const auto& short_name : option->get_snames()) entry.names.push_back("-" + short_name);
      for (const auto& long_name : option->get_lnames()) entry.names.push_back("--" + long_name);
    }
    // The type name, and the choices a one_of() check adds to it
    // ("WHAT:{man,complete-bash}").
    if (option->get_expected_max() != 0) {
      const std::string type = option->get_type_name();
      const std::size_t colon = type.find(':');
      entry.value_name = type.substr(0, colon);
      if (colon != std::string::npos && type.size() > colon + 2 && type[colon + 1] == '{' &&
          type.back() == '}') {
        std::istringstream choices(type.substr(colon + 2, type.size() - colon - 3));
        for (std::string choice; std::getline(choices, choice, ',');)
          entry.choices.push_back(choice);
      }
    }
    entry.description = option->get_description();
    entry.group = option->get_group();
    entry.completes = completion_of(*option);
    reference.options.push_back(std::move(entry));
  }
  return reference;
}

}  // namespace

CommandLineReference CommandLine::reference() const {
  CommandLineReference commands{reference_of(*app, "")};
  for (const CLI::App* command : app->get_subcommands({}))
    commands.push_back(reference_of(*command, command->get_name()));
  return commands;
}

int CommandLine::commands_given() const {
  return int(bool(*convert_)) + int(bool(*inspect_)) + int(bool(*plugins_)) +
         int(bool(*new_plugin_));
}

host::ReadRequest read_request(const CommonReadOptions& options) {
  host::ReadRequest request{options.inputs,   options.reader, options.plugin_values,
                            options.language, options.year,   options.jobs};
  request.max_input_bytes = options.max_input_bytes;
  request.near_duplicates = options.near_duplicates;
  request.near_duplicate_threshold = options.near_duplicate_threshold;
  return request;
}

void define_command_line(CommandLine& line, const host::PluginRegistry& registry, int argc,
                         char** argv) {
  CLI::App& app = *line.app;
  app.description(
      "docconv: convert news article dumps into EPUB, TEI-XML, Markdown and more.\n"
      "Readers and writers are plugins found at run time; see `docconv plugins`.");
  app.name("docconv");
  app.formatter(std::make_shared<WrappingFormatter>());  // before the commands, which copy it
  app.set_version_flag("--version",
                       fmt::format("docconv {} (plugin ABI {}, model {})", docconv::version_string,
                                   docconv::abi_version, docconv::model_version));
  // One command, or none with --generate (checked in main()).
  app.require_subcommand(0, 1);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return fmt::format("docconv: error: {} (see docconv --help)\n", error.what());
  });

  app.add_option("--plugin-dir", line.plugin_dirs,
                 "Also look for plugins in DIR (searched first; repeatable)")
      ->allow_extra_args(false)  // one folder per --plugin-dir: what follows is an input
      ->type_name("DIR");
  app.add_flag("--strict", line.strict, "Treat warnings as failures: exit 1, and write nothing");
  app.add_flag("-q,--quiet", line.quiet, "Print only warnings and errors (and no progress)");
  app.add_option("--progress", line.progress,
                 "Show progress on runs over a second: auto (on a terminal, outside CI), "
                 "always or never")
      ->check(one_of({"auto", "always", "never"}))
      ->type_name("WHEN");
  app.add_flag("-v,--verbose", line.verbose,
               "Print every warning; otherwise one of each kind, then how many more");
  app.add_option("--report", line.report,
                 "Write a JSON summary of the run (inputs, skipped, warnings by kind, outputs, "
                 "time) to FILE, or - for standard output; see docs/cli.md")
      ->type_name("FILE");
  app.add_option("--generate", line.generate,
                 "Print the man page (man) or a shell completion script (complete-bash, "
                 "complete-zsh, complete-fish), made from these very options")
      ->check(one_of({"man", "complete-bash", "complete-zsh", "complete-fish"}))
      ->type_name("WHAT");

  const auto selected_writer = prescan(argc, argv, "to", "t");
  const auto selected_reader = prescan(argc, argv, "from", "f");

  line.convert_ =
      app.add_subcommand("convert", "Convert inputs into one output (or one file per article)");
  line.convert_->fallthrough();
  add_read_options(*line.convert_, line.convert_read);
  line.convert_
      ->add_option("-o,--output", line.convert_request.output,
                   "Output file, folder with --split, or - for standard output (the default "
                   "for text formats)")
      ->type_name("OUTPUT");
  line.convert_
      ->add_option("-t,--to", line.convert_request.writer,
                   "Output format (writer plugin); default: from the output's extension")
      ->type_name("FORMAT");
  line.convert_->add_flag("--split", line.convert_request.split,
                          "Write one file per article into the folder given by -o");
  line.convert_->add_flag("--force-extension", line.convert_request.force_extension,
                          "Write the format of -t even into a file named for another format");
  line.convert_
      ->add_option("--title", line.convert_request.collection.title, "Title of the collection")
      ->check(no_control_characters())
      ->type_name("TEXT");
  line.convert_
      ->add_option("--author", line.convert_request.collection.authors,
                   "Author of the collection (repeatable)")
      ->allow_extra_args(false)  // one name per --author: what follows is an input
      ->check(no_control_characters())
      ->type_name("NAME");
  add_plugin_options(*line.convert_, registry, PluginKind::reader,
                     selected_reader.empty() ? "" : selected_reader.back(),
                     line.convert_read.plugin_values);
  add_plugin_options(*line.convert_, registry, PluginKind::writer,
                     selected_writer.empty() ? "" : selected_writer.back(),
                     line.convert_read.plugin_values);

  line.inspect_ = app.add_subcommand("inspect", "Print the document model of inputs as JSON");
  line.inspect_->fallthrough();
  add_read_options(*line.inspect_, line.inspect_read);
  line.inspect_->add_flag("--lines", line.inspect_lines,
                          "Print every input line with the class the reader gave it (and why it "
                          "removed a line) instead of the model");
  add_plugin_options(*line.inspect_, registry, PluginKind::reader,
                     selected_reader.empty() ? "" : selected_reader.back(),
                     line.inspect_read.plugin_values);

  // The program's options, named from their definitions so the list cannot
  // drift; docconv --help explains them.
  std::vector<std::string> program_options;
  for (const CLI::Option* option : app.get_options()) {
    const std::string name = option->get_name(false, true);
    if (name == "-h,--help" || name == "--version" || name == "--generate") continue;
    const std::string shortest = option->get_snames().empty() ? "--" + option->get_lnames().front()
                                                              : "-" + option->get_snames().front();
    const std::string value = option->get_type_name();
    program_options.push_back(
        option->get_expected_max() == 0 || value.empty()
            ? shortest
            : fmt::format("{} {}", shortest, value.substr(0, value.find(':'))));
  }
  const std::string global_options =
      "\n" +
      wrap(
          fmt::format("Global options (see docconv --help): {}.", fmt::join(program_options, ", ")),
          help_width) +
      "\nExit status: 0 success, 1 conversion failed, 2 usage error.";
  line.convert_->footer(global_options);
  line.inspect_->footer(global_options);

  line.plugins_ =
      app.add_subcommand("plugins", "List the plugins found, and those rejected with the reason");
  line.plugins_->fallthrough();
  line.plugins_->add_flag("--json", line.plugins_as_json, "Print the list as JSON");
  line.plugins_
      ->add_option("--list", line.plugins_names_of,
                   "Print only the names (and aliases) of the readers or writers, one a line")
      ->check(one_of({"readers", "writers"}))
      ->type_name("KIND");

  line.new_plugin_ = app.add_subcommand(
      "new-plugin", "Write a ready-to-build plugin project to start your own reader or writer");
  line.new_plugin_->add_option("kind", line.new_kind, "writer or reader")
      ->required()
      ->check(one_of({"writer", "reader"}));
  line.new_plugin_
      ->add_option("name", line.new_name, "Plugin name: a-z, 0-9, '-' and '_' (used by -t/-f)")
      ->required();
  line.new_plugin_->add_option("--dir", line.new_dir, "Folder to create (default: ./docconv-NAME)")
      ->type_name("DIR");
}

}  // namespace docconv::cli
