// The man page and the shell completions (docconv --generate ...): made from
// the parser's definitions, they must hold every option --help shows, and
// each must read cleanly in the program that uses it.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

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

// True when `text` names `option` as a whole word: "--to" is not in "--toc".
bool names_option(const std::string& text, const std::string& option) {
  const auto part_of_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  };
  for (std::size_t at = text.find(option); at != std::string::npos;
       at = text.find(option, at + 1)) {
    const std::size_t end = at + option.size();
    if ((at == 0 || !part_of_name(text[at - 1])) &&
        (end == text.size() || !part_of_name(text[end])))
      return true;
  }
  return false;
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
      CHECK((names_option(text, option) ||
             (name == "fish" && names_option(text, "-l " + option.substr(2)))));
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

TEST_CASE("bash completes commands, options, choices, the writers found and file names") {
  TempDir folder;
  const auto script = written(folder, "docconv.bash", generated("complete-bash"));
  docconv::test::write_file(folder / "my article.txt", "text\n");
  docconv::test::write_file(folder / "my notes.log", "text\n");
  // What bash offers after `words` (the last one being completed), in the
  // folder of the test files. bash splits "--to=ep" into "--to", "=", "ep".
  const auto complete = [&](const std::vector<std::string>& words) {
    std::string array;
    for (const auto& word : words) array += docconv::test::shell_quote(word) + " ";
    const std::string program = "cd " + docconv::test::shell_quote(folder.path().string()) +
                                " && source docconv.bash && complete -p docconv && COMP_WORDS=(" +
                                array +
                                ") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _docconv && "
                                "printf '%s\\n' \"${COMPREPLY[@]}\"";
    const std::string path = docconv::test::cli_path().parent_path().string() + ":/usr/bin:/bin";
    const auto result = run("/usr/bin/env", {"PATH=" + path, "bash", "-c", program});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
  };
  const auto writers = complete({"docconv", "convert", "-t", ""});
  CHECK_THAT(writers, Catch::StartsWith("complete -o filenames -F _docconv docconv\n"));
  for (const auto& writer : {"\nepub\n", "\nmarkdown\n", "\npandoc-json\n", "\ntei\n"})
    CHECK_THAT(writers, Catch::Contains(writer));
  CHECK_THAT(writers, !Catch::Contains("news-text"));  // a reader
  CHECK_THAT(complete({"docconv", "con"}), Catch::EndsWith("\nconvert\n"));
  CHECK_THAT(complete({"docconv", "convert", "--forc"}), Catch::EndsWith("\n--force-extension\n"));
  CHECK_THAT(complete({"docconv", "--strict", "inspect", "-f", "news-t"}),
             Catch::EndsWith("\nnews-text\n"));
  // --opt=value, and an option's value is not taken for the command.
  CHECK_THAT(complete({"docconv", "convert", "--to", "=", "ep"}), Catch::EndsWith("\nepub\n"));
  CHECK_THAT(complete({"docconv", "--progress", "="}), Catch::EndsWith("\nauto\nalways\nnever\n"));
  CHECK_THAT(complete({"docconv", "--plugin-dir", "=", "plugins", "con"}),
             Catch::EndsWith("\nconvert\n"));
  CHECK_THAT(complete({"docconv", "--report", "run.json", "con"}), Catch::EndsWith("\nconvert\n"));
  // Choices: the program's, a plugin's, a command's first argument.
  CHECK_THAT(complete({"docconv", "plugins", "--list", ""}),
             Catch::EndsWith("\nreaders\nwriters\n"));
  CHECK_THAT(complete({"docconv", "convert", "--text-layout", "w"}),
             Catch::EndsWith("\nwrapped\n"));
  CHECK_THAT(complete({"docconv", "new-plugin", ""}), Catch::EndsWith("\nwriter\nreader\n"));
  // A file name with a space is one candidate; a file no reader claims is not offered.
  CHECK_THAT(complete({"docconv", "convert", "my"}), Catch::EndsWith("\nmy article.txt\n"));
}

TEST_CASE("fish completes commands, options, choices and inputs") {
  TempDir folder;
  const auto script = written(folder, "docconv.fish", generated("complete-fish"));
  docconv::test::write_file(folder / "my article.txt", "text\n");
  docconv::test::write_file(folder / "my notes.log", "text\n");
  // fish prints what it would offer for a command line: "candidate<TAB>description".
  const auto complete = [&](const std::string& line) {
    const std::string path = docconv::test::cli_path().parent_path().string() + ":/usr/bin:/bin";
    const auto result =
        run("/usr/bin/env",
            {"PATH=" + path, "HOME=" + folder.path().string(), "fish", "--no-config", "-c",
             "cd " + docconv::test::shell_quote(folder.path().string()) +
                 "; and source docconv.fish; and complete -C " + docconv::test::shell_quote(line)});
    INFO(line << ": " << result.err);
    REQUIRE(result.exit_code == 0);
    std::string candidates;  // without the descriptions
    std::istringstream lines(result.out);
    for (std::string entry; std::getline(lines, entry);)
      candidates += entry.substr(0, entry.find('\t')) + "\n";
    return candidates;
  };
  CHECK(complete("docconv con") == "convert\n");
  CHECK(complete("docconv --plugin-dir plugins con") == "convert\n");  // not the command
  CHECK(complete("docconv --progress ") == "always\nauto\nnever\n");   // fish sorts
  CHECK_THAT(complete("docconv convert -t "),
             Catch::Contains("epub\n") && Catch::Contains("tei\n"));
  CHECK(complete("docconv convert --text-layout w") == "wrapped\n");
  CHECK(complete("docconv new-plugin ") == "reader\nwriter\n");
  CHECK(complete("docconv convert my") == "my article.txt\n");
  CHECK(complete("docconv plugins --li") == "--list\n");
}
