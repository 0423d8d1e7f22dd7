// The man page and the shell completions (docconv --generate ...): made from
// the parser's definitions, they must hold every option --help shows, and
// each must read cleanly in the program that uses it.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>

using docconv::test::run;
using docconv::test::run_cli;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> commands{"convert", "inspect", "plugins", "new-plugin"};

// Every long option the help of the program and of each command shows.
std::set<std::string> options_in_help() {
  std::set<std::string> options;
  const std::regex option(R"((^|[ ,])(--[a-z][a-z0-9-]*))");
  std::vector<std::vector<std::string>> helps{{"--help"}};
  for (const auto& command : commands) helps.push_back({command, "--help"});
  for (const auto& args : helps) {
    const auto help = run_cli(args);
    REQUIRE(help.exit_code == 0);
    for (std::sregex_iterator it(help.out.begin(), help.out.end(), option), end; it != end; ++it)
      options.insert((*it)[2]);
  }
  return options;
}

std::string generated(const std::string& what) {
  const auto result = run_cli({"--generate", what});
  REQUIRE(result.exit_code == 0);
  REQUIRE(result.err.empty());
  return result.out;
}

fs::path written(const TempDir& folder, const std::string& name, const std::string& text) {
  docconv::test::write_file(folder / name, text);
  return folder / name;
}

}  // namespace

TEST_CASE("the man page and the completions hold every option --help shows") {
  const auto options = options_in_help();
  REQUIRE(options.size() > 20);
  REQUIRE(options.count("--force-extension") == 1);
  REQUIRE(options.count("--keep-removed") == 1);  // a plugin's option
  std::string man = generated("man");
  // roff writes a hyphen as "\-".
  for (std::size_t at; (at = man.find("\\-")) != std::string::npos;) man.erase(at, 1);
  const std::pair<std::string, std::string> outputs[] = {{"man page", man},
                                                         {"bash", generated("complete-bash")},
                                                         {"zsh", generated("complete-zsh")},
                                                         {"fish", generated("complete-fish")}};
  for (const auto& [name, text] : outputs) {
    for (const auto& option : options) {
      INFO(name << " lacks " << option);
      // fish writes "-l NAME" for --NAME.
      CHECK((text.find(option) != std::string::npos ||
             (name == "fish" && text.find("-l " + option.substr(2)) != std::string::npos)));
    }
  }
}

TEST_CASE("the man page renders without a warning from groff") {
  TempDir folder;
  const auto page = written(folder, "docconv.1", generated("man"));
  const auto rendered =
      run("/bin/sh",
          {"-c", "groff -man -Tutf8 -ww -P-cbou " + docconv::test::shell_quote(page.string()) +
                     " >" + docconv::test::shell_quote((folder / "out").string())});
  CHECK(rendered.exit_code == 0);
  CHECK(rendered.err.empty());
  const std::string text = docconv::test::read_file(folder / "out");
  for (const auto& section : {"NAME", "SYNOPSIS", "GLOBAL OPTIONS", "COMMANDS", "EXIT STATUS"})
    CHECK_THAT(text, Catch::Contains(section));
}

TEST_CASE("each completion script reads as valid in its shell") {
  TempDir folder;
  const auto bash = written(folder, "docconv.bash", generated("complete-bash"));
  const auto zsh = written(folder, "_docconv", generated("complete-zsh"));
  const auto fish = written(folder, "docconv.fish", generated("complete-fish"));
  for (const auto& [shell, file] : {std::pair{"bash", bash}, {"zsh", zsh}}) {
    const auto checked = run(std::string("/usr/bin/") + shell, {"-n", file.string()});
    INFO(shell << ": " << checked.err);
    CHECK(checked.exit_code == 0);
    CHECK(checked.err.empty());
  }
  const auto checked = run("/usr/bin/fish", {"--no-execute", fish.string()});
  INFO("fish: " << checked.err);
  CHECK(checked.exit_code == 0);
  CHECK(checked.err.empty());
}

TEST_CASE("bash completes commands, options and the writers found") {
  TempDir folder;
  const auto script = written(folder, "docconv.bash", generated("complete-bash"));
  // What bash would offer after the words typed (the last one being completed).
  const auto complete = [&](const std::string& words) {
    const std::string program =
        "source " + docconv::test::shell_quote(script.string()) +
        " && complete -p docconv && read -ra COMP_WORDS <<< " + docconv::test::shell_quote(words) +
        " && " + (words.ends_with(" ") ? "COMP_WORDS+=('') && " : "") +
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _docconv && printf '%s\\n' \"${COMPREPLY[@]}\"";
    const std::string path = docconv::test::cli_path().parent_path().string() + ":/usr/bin:/bin";
    return run("/usr/bin/env", {"PATH=" + path, "bash", "-c", program});
  };
  const auto writers = complete("docconv convert -t ");
  INFO(writers.err);
  REQUIRE(writers.exit_code == 0);
  CHECK_THAT(writers.out, Catch::StartsWith("complete -o filenames -F _docconv docconv\n"));
  for (const auto& writer : {"\nepub\n", "\nmarkdown\n", "\npandoc-json\n", "\ntei\n"})
    CHECK_THAT(writers.out, Catch::Contains(writer));
  CHECK_THAT(writers.out, !Catch::Contains("news-text"));  // a reader
  CHECK_THAT(complete("docconv con").out, Catch::EndsWith("\nconvert\n"));
  CHECK_THAT(complete("docconv convert --forc").out, Catch::EndsWith("\n--force-extension\n"));
  CHECK_THAT(complete("docconv --strict inspect -f news-t").out, Catch::EndsWith("\nnews-text\n"));
}
