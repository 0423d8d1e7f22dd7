#include "reference.hpp"

#include "host/shell.hpp"

#include <docconv/version.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace docconv::cli {
namespace {

const CommandReference& program(const CommandLineReference& commands) {
  return commands.front();  // CommandLine::reference() puts the program first
}

std::vector<const CommandReference*> subcommands(const CommandLineReference& commands) {
  std::vector<const CommandReference*> out;
  for (std::size_t i = 1; i < commands.size(); ++i) out.push_back(&commands[i]);
  return out;
}

bool is_option(const OptionReference& option) {
  return !option.positional;
}

// ---- man page ----------------------------------------------------------

// Text for roff: a backslash printed as one, and a line that would start
// with a control character ('.' or '\'') kept as text.
std::string roff(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

std::string man_option(const OptionReference& option) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back("\\fB" + roff(name) + "\\fR");
  std::string head = fmt::format("{}", fmt::join(names, ", "));
  if (option.positional) head = "\\fI" + roff(option.names.front()) + "\\fR";
  if (!option.value_name.empty() && !option.positional)
    head += " \\fI" + roff(option.value_name) + "\\fR";
  return fmt::format(".TP\n{}\n{}\n", head, roff(option.description));
}

// A command's options, its own first, then each plugin's group.
std::string man_options(const CommandReference& command) {
  std::string out;
  std::vector<std::string> groups;
  for (const auto& option : command.options)
    if (std::find(groups.begin(), groups.end(), option.group) == groups.end())
      groups.push_back(option.group);
  for (const auto& group : groups) {
    if (group.empty()) continue;  // hidden
    if (group != "Options" && group != "Positionals")
      out += fmt::format(".PP\n\\fI{}\\fR:\n", roff(group));
    for (const auto& option : command.options)
      if (option.group == group) out += man_option(option);
  }
  return out;
}

constexpr std::string_view man_end = R"(.SH EXIT STATUS
.TP
.B 0
The output was written (warnings may have been printed).
.TP
.B 1
The conversion failed: an input could not be read (the others were still
converted), nothing could be read, the output could not be written, or
\fB\-\-strict\fR and a warning.
.TP
.B 2
A usage error: nothing was read and nothing written.
.SH ENVIRONMENT
.TP
.B DOCCONV_PLUGIN_PATH
Folders (separated by colons) to look for plugins in, after \fB\-\-plugin\-dir\fR.
.TP
.B XDG_DATA_HOME
Plugins are also looked for in \fI$XDG_DATA_HOME/docconv/plugins\fR
(default \fI~/.local/share/docconv/plugins\fR).
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970: the date written into outputs, for reproducible builds.
.TP
.B CI
When set, no progress is shown.
.SH EXAMPLES
.nf
docconv convert news/ \-o week23.epub
docconv convert news/ \-t markdown > week23.md
docconv convert news/ \-o week23.tei.xml \-\-year 2017 \-\-lang ru
docconv \-\-strict convert news/ \-o week23.epub
docconv inspect news/000.txt
docconv plugins
.fi
.SH SEE ALSO
.BR pandoc (1)
.PP
The documentation in the \fIdocs/\fR folder of the source: \fIcli.md\fR,
\fIarchitecture.md\fR, each format's page, \fIwriting\-a\-plugin.md\fR.
)";

// ---- completions -----------------------------------------------------------

std::vector<std::string> spellings(const CommandReference& command) {
  std::vector<std::string> out;
  for (const auto& option : command.options)
    if (is_option(option)) out.insert(out.end(), option.names.begin(), option.names.end());
  return out;
}

// Every spelling of `command`'s options that take a value.
std::vector<std::string> value_spellings(const CommandReference& command) {
  std::vector<std::string> out;
  for (const auto& option : command.options)
    if (is_option(option) && !option.value_name.empty())
      out.insert(out.end(), option.names.begin(), option.names.end());
  return out;
}

// Options of any command whose value is completed a certain way ("writers",
// "files", ...), or not at all ("").
std::vector<std::string> spellings_completing(const CommandLineReference& commands,
                                              std::string_view completes) {
  std::vector<std::string> out;
  for (const auto& command : commands)
    for (const auto& option : command.options)
      if (is_option(option) && !option.value_name.empty() && option.choices.empty() &&
          option.completes == completes)
        for (const auto& name : option.names)
          if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  return out;
}

// Each set of spellings whose value is one of a fixed set, with the set.
std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> spellings_with_choices(
    const CommandLineReference& commands) {
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> out;
  for (const auto& command : commands)
    for (const auto& option : command.options)
      if (is_option(option) && !option.choices.empty() &&
          std::none_of(out.begin(), out.end(),
                       [&](const auto& known) { return known.first == option.names; }))
        out.emplace_back(option.names, option.choices);
  return out;
}

const OptionReference* first_positional(const CommandReference& command) {
  for (const auto& option : command.options)
    if (option.positional) return &option;
  return nullptr;
}

// `text` as one word for fish, whose single quotes take \' and \\ inside.
std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string extensions_pattern(const std::vector<std::string>& extensions, char separator) {
  std::vector<std::string> patterns;
  for (const auto& extension : extensions) patterns.push_back("*" + extension);
  return fmt::format("{}", fmt::join(patterns, std::string(1, separator)));
}

}  // namespace

std::string man_page(const CommandLineReference& commands) {
  std::string out = fmt::format(
      ".TH DOCCONV 1 \"\" \"docconv {}\" \"User Commands\"\n"
      ".SH NAME\n"
      "docconv \\- convert news article dumps into EPUB, TEI\\-XML, Markdown and more\n"
      ".SH SYNOPSIS\n",
      version_string);
  for (const auto* command : subcommands(commands)) {
    std::string positionals;
    for (const auto& option : command->options)
      if (option.positional) positionals += " \\fI" + roff(option.names.front()) + "\\fR";
    out += fmt::format(".B docconv\n[\\fIglobal options\\fR] \\fB{}\\fR [\\fIoptions\\fR]{}\n.br\n",
                       roff(command->name), positionals);
  }
  out += ".SH DESCRIPTION\n" + roff(program(commands).description) + "\n";
  out +=
      ".PP\nWithout \\fB\\-o\\fR, a text format goes to standard output. Mistakes in the "
      "command line are found before anything is read (exit status 2).\n";
  out += ".SH GLOBAL OPTIONS\nThese go before or after the command.\n";
  out += man_options(program(commands));
  out += ".SH COMMANDS\n";
  for (const auto* command : subcommands(commands)) {
    out += fmt::format(".SS {}\n{}\n", roff(command->name), roff(command->description));
    out += man_options(*command);
  }
  return out + std::string(man_end);
}

std::string bash_completion(const CommandLineReference& commands,
                            const std::vector<std::string>& input_extensions) {
  // bash splits "--to=ep" at '=' (COMP_WORDBREAKS): the option is then two
  // words back, and a value-taking option may be followed by "=" and its value.
  std::string out = fmt::format(
      "# bash completion for docconv {}: made by `docconv --generate complete-bash`\n"
      "_docconv() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  if [[ $cur == = ]]; then\n"
      "    cur=\n"
      "  elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then\n"
      "    prev=${{COMP_WORDS[COMP_CWORD-2]}}\n"
      "  fi\n"
      "  local command= i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case ${{COMP_WORDS[i]}} in\n"
      "      {}) [[ ${{COMP_WORDS[i+1]}} == = ]] && ((i++)); ((i++)) ;;\n"
      "      -*|=) ;;\n"
      "      *) command=${{COMP_WORDS[i]}}; break ;;\n"
      "    esac\n"
      "  done\n"
      "  case $prev in\n",
      version_string, fmt::join(value_spellings(program(commands)), "|"));
  const auto offer = [](const std::string& words) {
    return "mapfile -t COMPREPLY < <(compgen -W \"" + words + "\" -- \"$cur\")";
  };
  // What follows an option that takes a value: one of its choices, a plugin
  // name, a folder, a file, or something to type (nothing offered).
  for (const auto& [names, choices] : spellings_with_choices(commands))
    out += fmt::format("    {}) {}; return ;;\n", fmt::join(names, "|"),
                       offer(fmt::format("{}", fmt::join(choices, " "))));
  const std::pair<const char*, std::string> values[] = {
      {"writers", offer("$(docconv plugins --list writers 2>/dev/null)")},
      {"readers", offer("$(docconv plugins --list readers 2>/dev/null)")},
      {"folders", "mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")"},
      {"files", "mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")"},
      {"", ":"}};
  for (const auto& [kind, action] : values) {
    const auto names = spellings_completing(commands, kind);
    if (!names.empty())
      out += fmt::format("    {}) {}; return ;;\n", fmt::join(names, "|"), action);
  }
  out += "  esac\n  local options\n  case $command in\n";
  std::vector<std::string> names;
  for (const auto* command : subcommands(commands)) names.push_back(command->name);
  out += fmt::format(
      "    '')\n"
      "      if [[ $cur != -* ]]; then {}; return; fi\n"
      "      options=\"{}\" ;;\n",
      offer(fmt::format("{}", fmt::join(names, " "))),
      fmt::join(spellings(program(commands)), " "));
  for (const auto* command : subcommands(commands)) {
    auto all = spellings(*command);
    for (const auto& name : spellings(program(commands)))  // --help is both
      if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
    out += fmt::format("    {})\n", command->name);
    // A first argument of a fixed set (new-plugin's kind), right after the command.
    if (const auto* first = first_positional(*command); first && !first->choices.empty())
      out += fmt::format("      if [[ $prev == {} && $cur != -* ]]; then {}; return; fi\n",
                         command->name, offer(fmt::format("{}", fmt::join(first->choices, " "))));
    out += fmt::format("      options=\"{}\" ;;\n", fmt::join(all, " "));
  }
  out += fmt::format(
      "  esac\n"
      "  if [[ $cur == -* ]]; then {}; return; fi\n"
      "  # Inputs: folders, and the files a reader takes by extension.\n"
      "  local name\n"
      "  mapfile -t COMPREPLY < <(compgen -d -- \"$cur\")\n"
      "  while IFS= read -r name; do\n"
      "    [[ -d $name ]] && continue\n"
      "    case $name in {}) COMPREPLY+=(\"$name\") ;; esac\n"
      "  done < <(compgen -f -- \"$cur\")\n"
      "}}\n"
      "complete -o filenames -F _docconv docconv\n",
      offer("$options"), extensions_pattern(input_extensions, '|'));
  return out;
}

std::string zsh_completion(const CommandLineReference& commands,
                           const std::vector<std::string>& input_extensions) {
  // An _arguments spec: '--to=[Output format]:FORMAT:_docconv_plugins writers'.
  // "=" after a long option: its value may follow in the same word too.
  const auto spec = [](const OptionReference& option, const std::string& name) {
    std::string description;
    for (const char c : option.description) {
      if (c == '[' || c == ']' || c == '\\') description += '\\';
      description += c;
    }
    const bool takes_value = !option.value_name.empty();
    std::string text =
        name + (takes_value && name.starts_with("--") ? "=" : "") + "[" + description + "]";
    if (takes_value) {
      std::string action = " ";
      if (!option.choices.empty())
        action = fmt::format("({})", fmt::join(option.choices, " "));
      else if (option.completes == "writers" || option.completes == "readers")
        action = "_docconv_plugins " + option.completes;
      else if (option.completes == "files")
        action = "_files";
      else if (option.completes == "folders")
        action = "_files -/";
      text += ":" + option.value_name + ":" + action;
    }
    return host::shell_quote(text);
  };
  const auto specs = [&](const CommandReference& command) {
    std::string out;
    for (const auto& option : command.options)
      if (is_option(option))
        for (const auto& name : option.names) out += " \\\n      " + spec(option, name);
    return out;
  };
  std::string out = fmt::format(
      "#compdef docconv\n"
      "# zsh completion for docconv {}: made by `docconv --generate complete-zsh`\n"
      "# _arguments puts compadd's options first: the kind is the last argument.\n"
      "_docconv_plugins() {{\n"
      "  local -a names\n"
      "  names=(${{(f)\"$(docconv plugins --list ${{@[-1]}} 2>/dev/null)\"}})\n"
      "  compadd \"${{@[1,-2]}}\" -a names\n"
      "}}\n"
      "_docconv_inputs() {{\n"
      "  _files -g '{}'\n"
      "}}\n"
      "_docconv() {{\n"
      "  local -a commands\n"
      "  commands=(\n",
      version_string, "(" + extensions_pattern(input_extensions, '|') + ")");
  for (const auto* command : subcommands(commands))
    out += "    " + host::shell_quote(command->name + ":" + command->description) + "\n";
  out += "  )\n  local curcontext=$curcontext state line\n  _arguments -C" +
         specs(program(commands)) +
         " \\\n      '1: :->command' \\\n      '*:: :->arguments'\n"
         "  case $state in\n"
         "    command) _describe command commands ;;\n"
         "    arguments)\n"
         "      case $words[1] in\n";
  for (const auto* command : subcommands(commands)) {
    std::string positionals;
    if (const auto* first = first_positional(*command); first && !first->choices.empty())
      positionals = " \\\n      " + host::shell_quote(fmt::format("1:{}:({})", first->names.front(),
                                                                  fmt::join(first->choices, " ")));
    else if (first != nullptr && command->name != "new-plugin")
      positionals = " \\\n      '*:input:_docconv_inputs'";
    out += "        " + command->name + ") _arguments" + specs(*command) +
           specs(program(commands)) + positionals + " ;;\n";
  }
  out += "      esac ;;\n  esac\n}\n_docconv \"$@\"\n";
  return out;
}

std::string fish_completion(const CommandLineReference& commands,
                            const std::vector<std::string>& input_extensions) {
  // fish's own __fish_use_subcommand takes an option's value (--plugin-dir
  // DIR) for the command: these functions skip the values of the program's
  // options.
  std::vector<std::string> taking_values;
  for (const auto& option : program(commands).options)
    if (is_option(option) && !option.value_name.empty())
      taking_values.insert(taking_values.end(), option.names.begin(), option.names.end());
  std::string out = fmt::format(
      "# fish completion for docconv {}: made by `docconv --generate complete-fish`\n"
      "function __docconv_command\n"
      "  set -l words (commandline -opc)\n"
      "  set -e words[1]\n"
      "  while set -q words[1]\n"
      "    switch $words[1]\n"
      "      case {}\n"
      "        set -e words[1]\n"
      "      case '-*'\n"
      "      case '*'\n"
      "        echo $words[1]\n"
      "        return\n"
      "    end\n"
      "    set -e words[1]\n"
      "  end\n"
      "end\n"
      "function __docconv_needs_command\n"
      "  set -l command (__docconv_command)\n"
      "  test -z \"$command\"\n"
      "end\n"
      "function __docconv_using\n"
      "  set -l command (__docconv_command)\n"
      "  contains -- \"$command\" $argv\n"
      "end\n"
      "function __docconv_just_after_command\n"
      "  set -l words (commandline -opc)\n"
      "  set -l command (__docconv_command)\n"
      "  test -n \"$command\" -a \"$words[-1]\" = \"$command\"\n"
      "end\n"
      "complete -c docconv -f\n",
      version_string, fmt::join(taking_values, " "));
  for (const auto* command : subcommands(commands))
    out += fmt::format("complete -c docconv -n __docconv_needs_command -a {} -d {}\n",
                       command->name, fish_quote(command->description));
  const auto line = [&](const OptionReference& option, const std::string& condition) {
    std::string text = "complete -c docconv" + condition;
    for (const auto& name : option.names)
      text += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
    if (!option.choices.empty())
      text +=
          fmt::format(" -x -a {}", fish_quote(fmt::format("{}", fmt::join(option.choices, " "))));
    else if (option.completes == "writers" || option.completes == "readers")
      text += " -x -a '(docconv plugins --list " + option.completes + " 2>/dev/null)'";
    else if (option.completes == "files" || option.completes == "folders")
      text += " -r -F";
    else if (!option.value_name.empty())
      text += " -x";
    return text + " -d " + fish_quote(option.description) + "\n";
  };
  for (const auto& option : program(commands).options)
    if (is_option(option)) out += line(option, "");
  std::vector<std::string> reading;  // the commands that take inputs
  for (const auto* command : subcommands(commands)) {
    const std::string condition = " -n '__docconv_using " + command->name + "'";
    for (const auto& option : command->options)
      if (is_option(option)) out += line(option, condition);
    const auto* first = first_positional(*command);
    if (first != nullptr && !first->choices.empty())
      out += fmt::format(
          "complete -c docconv -n '__docconv_using {}; and __docconv_just_after_command' -a {}\n",
          command->name, fish_quote(fmt::format("{}", fmt::join(first->choices, " "))));
    else if (first != nullptr && command->name != "new-plugin")
      reading.push_back(command->name);
  }
  std::vector<std::string> patterns;
  for (const auto& extension : input_extensions) patterns.push_back("'*" + extension + "'");
  out += fmt::format(
      "# Inputs: folders, and the files a reader takes by extension.\n"
      "function __docconv_inputs\n"
      "  __fish_complete_directories (commandline -ct)\n"
      "  for name in (commandline -ct)*\n"
      "    switch $name\n"
      "      case {}\n"
      "        echo $name\n"
      "    end\n"
      "  end\n"
      "end\n"
      "complete -c docconv -n '__docconv_using {}' -a '(__docconv_inputs)'\n",
      fmt::join(patterns, " "), fmt::join(reading, " "));
  return out;
}

}  // namespace docconv::cli
