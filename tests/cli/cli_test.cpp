// Runs the real docconv binary, as a user would.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <docconv/version.hpp>
#include <nlohmann/json.hpp>

using docconv::test::run_cli;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string good_plugins() {
  return (docconv::test::test_plugin_dir() / "good").string();
}

}  // namespace

TEST_CASE("version and help answer and exit 0") {
  const auto version = run_cli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith(std::string("docconv ") + docconv::version_string));
  const auto help = run_cli({"--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("convert") && Catch::Contains("inspect") &&
                           Catch::Contains("plugins"));
}

TEST_CASE("usage errors exit 2 with one line on standard error") {
  const auto no_command = run_cli({});
  CHECK(no_command.exit_code == 2);
  const auto unknown = run_cli({"convert", "x.tst", "-o", "y.testout", "--no-such-option"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err,
             Catch::StartsWith("docconv: error: ") && Catch::Contains("--no-such-option"));
  CHECK(docconv::test::lines(unknown.err).size() == 1);
}

TEST_CASE("plugins lists what was found, shadowed and rejected") {
  TempDir broken;
  for (const auto& entry : fs::directory_iterator(docconv::test::test_plugin_dir() / "broken"))
    fs::copy_file(entry.path(), broken / entry.path().filename());
  docconv::test::write_file(broken / "docconv-text.so", "not a library");
  const auto shadow = (docconv::test::test_plugin_dir() / "shadow").string();
  const auto result = run_cli({"plugins", "--plugin-dir", good_plugins(), "--plugin-dir", shadow,
                               "--plugin-dir", broken.path().string()});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("test-reader") && Catch::Contains("test-writer"));
  CHECK_THAT(result.out, Catch::Contains("shadowed: " + shadow + "/docconv-test-writer-copy.so"));
  CHECK_THAT(result.out, Catch::Contains("rejected: " + (broken / "docconv-wrong-abi.so").string() +
                                         ": was built for plugin ABI " +
                                         std::to_string(docconv::abi_version + 1000)));
  CHECK_THAT(result.out, Catch::Contains("rejected: " + (broken / "docconv-text.so").string() +
                                         ": is not a shared library"));

  const auto json = run_cli({"plugins", "--json", "--plugin-dir", good_plugins(), "--plugin-dir",
                             broken.path().string()});
  REQUIRE(json.exit_code == 0);
  const auto parsed = nlohmann::json::parse(json.out);
  CHECK(parsed["plugins"][0]["name"] == "test-reader");
  CHECK(parsed["plugins"][1]["name"] == "test-writer");
  CHECK(parsed["plugins"][1]["kind"] == "writer");
  CHECK(parsed["rejected"].size() == 4);
  CHECK(parsed["search_path"][0] == good_plugins());
}

TEST_CASE("DOCCONV_PLUGIN_PATH and the per-user folder are searched") {
  TempDir data;
  fs::create_directories(data / "docconv" / "plugins");
  fs::copy_file(docconv::test::test_plugin_dir() / "good" / "docconv-test-writer.so",
                data / "docconv" / "plugins" / "docconv-test-writer.so");
  const auto from_xdg = run_cli({"plugins", "--json"}, {{"XDG_DATA_HOME", data.path().string()}});
  CHECK(nlohmann::json::parse(from_xdg.out)["plugins"][0]["name"] == "test-writer");
  const auto from_env = run_cli({"plugins", "--json"}, {{"DOCCONV_PLUGIN_PATH", good_plugins()}});
  CHECK(nlohmann::json::parse(from_env.out)["plugins"][0]["name"] == "test-reader");
}

TEST_CASE("convert writes the output and reports what it wrote") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A\nfirst\nsecond\n");
  docconv::test::write_file(folder / "b.tst", "Title B\nthird\n");
  const auto result =
      run_cli({"--plugin-dir", good_plugins(), "convert", (folder / "a.tst").string(),
               (folder / "b.tst").string(), "-o", (folder / "out.testout").string(), "--title",
               "Set", "--test-prefix", ">"});
  CHECK(result.exit_code == 0);
  CHECK(docconv::test::read_file(folder / "out.testout") ==
        ">collection Set\n# Title A\nfirst\nsecond\n# Title B\nthird\nend 2\n");
  CHECK_THAT(result.err, Catch::Contains("wrote " + (folder / "out.testout").string() +
                                         " (2 articles from 2 inputs)"));
}

TEST_CASE("output to standard output with -o - is text to standard output") {
  const auto result = run_cli(
      {"--plugin-dir", good_plugins(), "convert", "-", "-f", "test-reader", "-o", "-", "-t", "tw"},
      {}, "Piped\nline\n");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "collection \n# Piped\nline\nend 1\n");
}

TEST_CASE("a failing writer leaves the previous output byte-identical and no temporary") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A\ntext\n");
  docconv::test::write_file(folder / "b.tst", "WRITER-FAIL\ntext\n");
  const std::string previous = "previous output\n";
  docconv::test::write_file(folder / "out.testout", previous);
  const auto result =
      run_cli({"--plugin-dir", good_plugins(), "convert", (folder / "a.tst").string(),
               (folder / "b.tst").string(), "-o", (folder / "out.testout").string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "docconv: error: " + (folder / "out.testout").string() +
                          ": test-writer: this document asks the test writer to fail\n");
  CHECK(docconv::test::read_file(folder / "out.testout") == previous);
  CHECK(docconv::test::file_names(folder.path()) ==
        std::vector<std::string>{"a.tst", "b.tst", "out.testout"});
}

TEST_CASE("a bad input is reported by name and the rest still converts") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A\ntext\n");
  docconv::test::write_file(folder / "bad.tst", "READER-FAIL\n");
  docconv::test::write_file(folder / "c.tst", "Title C\ntext\n");
  const auto result = run_cli({"--plugin-dir", good_plugins(), "convert", folder.path().string(),
                               "-o", (folder / "out.testout").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("docconv: error: " + (folder / "bad.tst").string() +
                             ": test-reader: this input asks the test reader to fail\n"));
  CHECK(docconv::test::read_file(folder / "out.testout") ==
        "collection \n# Title A\ntext\n# Title C\ntext\nend 2\n");
}

TEST_CASE("nothing read means nothing written") {
  TempDir folder;
  docconv::test::write_file(folder / "empty.tst", "\n\n");
  const auto result =
      run_cli({"--plugin-dir", good_plugins(), "convert", (folder / "empty.tst").string(), "-o",
               (folder / "out.testout").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("empty.tst: no article found"));
  CHECK_THAT(result.err, Catch::Contains("no document was read; nothing written"));
  CHECK_FALSE(fs::exists(folder / "out.testout"));
}

TEST_CASE("warnings fail the run only with --strict") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A\ntext\n");
  const std::vector<std::string> args{"--plugin-dir",
                                      good_plugins(),
                                      "convert",
                                      (folder / "a.tst").string(),
                                      "-o",
                                      (folder / "out.testout").string(),
                                      "--test-reader-warn"};
  const auto relaxed = run_cli(args);
  CHECK(relaxed.exit_code == 0);
  CHECK_THAT(relaxed.err, Catch::Contains("docconv: warning: " + (folder / "a.tst").string() +
                                          ": asked to warn"));
  auto strict_args = args;
  strict_args.insert(strict_args.begin(), "--strict");
  CHECK(run_cli(strict_args).exit_code == 1);
}

TEST_CASE("unknown and unavailable formats are explained") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title\ntext\n");
  const auto unknown =
      run_cli({"--plugin-dir", good_plugins(), "convert", (folder / "a.tst").string(), "-o",
               (folder / "out.unknown").string()});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err,
             Catch::Contains("cannot tell the output format") && Catch::Contains(".testout"));

  TempDir broken;
  fs::copy_file(docconv::test::test_plugin_dir() / "broken" / "docconv-wrong-abi.so",
                broken / "docconv-wrong-abi.so");
  const auto unavailable =
      run_cli({"--plugin-dir", good_plugins(), "--plugin-dir", broken.path().string(), "convert",
               (folder / "a.tst").string(), "-o", "x", "-t", "wrong-abi"});
  CHECK(unavailable.exit_code == 2);
  CHECK_THAT(unavailable.err, Catch::Contains("plugin wrong-abi is not available: " +
                                              (broken / "docconv-wrong-abi.so").string() +
                                              " was built for plugin ABI " +
                                              std::to_string(docconv::abi_version + 1000)));
  const auto reader_as_writer =
      run_cli({"--plugin-dir", good_plugins(), "convert", (folder / "a.tst").string(), "-o", "x",
               "-t", "test-reader"});
  CHECK(reader_as_writer.exit_code == 2);
  CHECK_THAT(reader_as_writer.err, Catch::Contains("test-reader is a reader plugin, not a writer"));
}

TEST_CASE("split mode writes one file per article named by number and title") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A: first!\ntext\n");
  docconv::test::write_file(folder / "b.tst", "../../B\ntext\n");
  const auto result = run_cli({"--plugin-dir", good_plugins(), "convert", folder.path().string(),
                               "-o", (folder / "parts").string(), "--split", "-t", "test-writer"});
  CHECK(result.exit_code == 0);
  CHECK(docconv::test::file_names(folder / "parts") ==
        std::vector<std::string>{"0001-title-a-first.out", "0002-b.out"});
}

TEST_CASE("inspect prints the model as JSON with its version") {
  TempDir folder;
  docconv::test::write_file(folder / "a.tst", "Title A\n\nfirst\n");
  const auto result = run_cli(
      {"--plugin-dir", good_plugins(), "inspect", (folder / "a.tst").string(), "--year", "2017"});
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["model_version"] == docconv::model_version);
  const auto& document = json["documents"][0];
  CHECK(document["metadata"]["title"] == "Title A");
  CHECK(document["metadata"]["source"] == (folder / "a.tst").string());
  CHECK(document["blocks"][0]["type"] == "paragraph");
  CHECK(document["blocks"][0]["text"] == "first");
  CHECK(document["blocks"][0]["lines"] == nlohmann::json::array({3, 3}));
}

TEST_CASE("new-plugin refuses the name of a plugin docconv already has") {
  TempDir work;
  const auto taken = run_cli({"new-plugin", "writer", "tei", "--dir", (work / "tei").string()});
  CHECK(taken.exit_code == 2);
  CHECK_THAT(taken.err, Catch::StartsWith("docconv: error: new-plugin: there is already a "
                                          "plugin named 'tei' (") &&
                            Catch::Contains("docconv-tei.so); choose another name"));
  CHECK(docconv::test::lines(taken.err).size() == 1);
  CHECK_FALSE(fs::exists(work / "tei"));
  // Readers and writers share one namespace of names.
  const auto reader = run_cli({"new-plugin", "reader", "tei", "--dir", (work / "r").string()});
  CHECK(reader.exit_code == 2);
  CHECK_FALSE(fs::exists(work / "r"));
  const auto free = run_cli({"new-plugin", "writer", "jats", "--dir", (work / "j").string()});
  CHECK(free.exit_code == 0);
  CHECK(fs::exists(work / "j" / "src" / "jats_plugin.cpp"));
}

TEST_CASE("an option of a plugin the run does not use is a usage error naming its plugin") {
  TempDir work;
  const std::string input = docconv::test::news_fixtures().front().string();
  const auto out = work / "book.md";
  const auto refused = run_cli({"convert", input, "-o", out.string(), "--cover", "x.png"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err ==
        "docconv: error: --cover is an option of the epub writer, which this run "
        "does not use (writer: markdown)\n");
  CHECK_FALSE(fs::exists(out));
  // A reader's option with no reader forced: some input may be read by it.
  CHECK(run_cli({"convert", input, "-o", out.string(), "--no-title", "-q"}).exit_code == 0);
  // With -f, only that reader's options.
  const auto forced =
      run_cli({"convert", input, "-f", "news-text", "-o", out.string(), "--licence", "CC0"});
  CHECK(forced.exit_code == 2);
  CHECK_THAT(forced.err, Catch::Contains("--licence is an option of the tei writer") &&
                             Catch::Contains("(writer: markdown, reader: news-text)"));
  // A reader -f names that does not exist is reported as such, not as an option error.
  const auto unknown =
      run_cli({"convert", input, "-f", "no-such", "-o", out.string(), "--licence", "CC0"});
  CHECK_THAT(unknown.err, Catch::Contains("no reader plugin named 'no-such'") &&
                              !Catch::Contains("is an option of"));
}

TEST_CASE("convert warns when a library of the requested plugin's name was rejected earlier") {
  TempDir work;
  fs::create_directories(work / "mine");
  docconv::test::write_file(work / "mine" / "docconv-markdown.so", "not a library\n");
  const std::string input = docconv::test::news_fixtures().front().string();
  const auto out = work / "book.md";
  const auto run = run_cli({"--plugin-dir", (work / "mine").string(), "convert", input, "-t",
                            "markdown", "-o", out.string(), "-q"});
  CHECK(run.exit_code == 0);  // the built-in markdown writer did the work
  CHECK(fs::exists(out));
  CHECK_THAT(run.err,
             Catch::StartsWith("docconv: warning: " +
                               (work / "mine" / "docconv-markdown.so").string() + ": rejected (") &&
                 Catch::Contains("); using the markdown plugin in "));
  CHECK(docconv::test::lines(run.err).size() == 1);
  // The folder written with a trailing slash is the same folder.
  CHECK_THAT(run_cli({"--plugin-dir", (work / "mine").string() + "/", "convert", input, "-t",
                      "markdown", "-o", out.string(), "-q"})
                 .err,
             Catch::Contains(": rejected ("));
  // The same run with the format taken from the output's name: nothing was
  // asked for by name, nothing to warn about.
  CHECK(run_cli(
            {"--plugin-dir", (work / "mine").string(), "convert", input, "-o", out.string(), "-q"})
            .err.empty());
}

TEST_CASE("progress shows once a run has taken a second, on a terminal, with a last line") {
  TempDir work;
  const auto fixtures = docconv::test::news_fixtures();
  // Standard input that arrives after 1.2 s makes a run longer than a second.
  std::string slow = "(sleep 1.2; cat " + docconv::test::shell_quote(fixtures[0].string()) +
                     ") | " + docconv::test::shell_quote(docconv::test::cli_path().string()) +
                     " convert -f news-text - ";
  for (const auto& file : fixtures) slow += docconv::test::shell_quote(file.string()) + " ";
  slow += "-o " + docconv::test::shell_quote((work / "out.md").string());
  const auto on_pipe = [&](const std::string& options) {
    return docconv::test::run("/bin/sh", {"-c", slow + " " + options});
  };
  // script(1) gives the command a terminal; what it printed lands in its stdout.
  const auto on_terminal = [&](const docconv::test::Environment& env) {
    return docconv::test::run("/usr/bin/script", {"-qec", slow, "/dev/null"}, env);
  };
  const std::string bar = "\r[###                 ] 1/6 inputs, 1 article, ";
  const std::string last = "\r\033[Kdocconv: read 6 inputs (6 articles) in ";

  const auto forced = on_pipe("--progress=always");
  INFO(forced.err);
  CHECK(forced.exit_code == 0);
  CHECK_THAT(forced.err,
             Catch::Contains(bar) && Catch::Contains(" s left\033[K") && Catch::Contains(last));
  CHECK_THAT(forced.err, Catch::EndsWith(" s\ndocconv: wrote " + (work / "out.md").string() +
                                         " (6 articles from 6 inputs)\n"));
  const auto terminal = on_terminal({});
  CHECK_THAT(terminal.out, Catch::Contains(bar) && Catch::Contains(last));
  CHECK_THAT(on_terminal({{"CI", "true"}}).out, !Catch::Contains(bar));
  for (const auto* options : {"", "--progress=never", "-q --progress=always"}) {
    INFO(options);
    const auto hidden = on_pipe(options);
    CHECK(hidden.exit_code == 0);
    CHECK_THAT(hidden.err, !Catch::Contains("\r") && !Catch::Contains("read 6 inputs"));
  }
}

TEST_CASE("a short run shows no progress even when asked") {
  TempDir work;
  const auto result = run_cli({"convert", docconv::test::news_fixtures()[0].string(), "-o",
                               (work / "out.md").string(), "--progress=always"});
  CHECK(result.exit_code == 0);
  CHECK(result.err ==
        "docconv: wrote " + (work / "out.md").string() + " (1 article from 1 input)\n");
}

namespace {

// Checks `report` against docs/report.schema.json with Debian's python3-jsonschema.
void require_valid_report(const fs::path& report) {
  const auto schema = docconv::test::source_dir() / "docs" / "report.schema.json";
  const auto checked = docconv::test::run(
      "/usr/bin/python3", {"-c",
                           "import json, sys, jsonschema\n"
                           "schema = json.load(open(sys.argv[1]))\n"
                           "validator = jsonschema.validators.validator_for(schema)\n"
                           "validator.check_schema(schema)\n"
                           "validator(schema).validate(json.load(open(sys.argv[2])))\n",
                           schema.string(), report.string()});
  INFO(checked.err);
  REQUIRE(checked.exit_code == 0);
}

}  // namespace

TEST_CASE("a run report (--report) sums up the run and matches its JSON Schema") {
  TempDir work;
  fs::create_directory(work / "news");
  for (const auto& file : docconv::test::news_fixtures())
    fs::copy_file(file, work / "news" / file.filename());
  for (const auto* name : {"empty1.txt", "empty2.txt"})
    docconv::test::write_file(work / "news" / name, "");
  docconv::test::write_file(work / "news" / "page.html", "<html>");
  const auto report = work / "report.json";
  const auto result = run_cli({"convert", (work / "news").string(), (work / "nope.txt").string(),
                               "-o", (work / "book.md").string(), "--report", report.string()});
  CHECK(result.exit_code == 1);  // nope.txt
  require_valid_report(report);
  const auto json = nlohmann::json::parse(docconv::test::read_file(report));
  CHECK(json["command"] == "convert");
  CHECK(json["exit_code"] == 1);
  CHECK(json["documents"] == 5);
  CHECK(json["inputs"]["total"] == 8);
  CHECK(json["inputs"]["failed"] == 1);
  CHECK(json["inputs"]["skipped"] ==
        nlohmann::json::parse(R"([{"name": ")" + (work / "news" / "page.html").string() +
                              R"(", "reason": "no reader claims its extension"}])"));
  CHECK(json["errors"]["count"] == 1);
  CHECK(json["errors"]["kinds"][0]["first"]["where"] == (work / "nope.txt").string());
  CHECK(json["warnings"]["count"] == 3);
  const auto& empty = json["warnings"]["kinds"][1];
  CHECK(empty["kind"] == "empty input: no text, no article");
  CHECK(empty["count"] == 2);
  CHECK(json["outputs"][0]["path"] == (work / "book.md").string());
  CHECK(json["outputs"][0]["bytes"] == fs::file_size(work / "book.md"));
  // The repeat was counted, not printed.
  CHECK_THAT(result.err, Catch::Contains("warning: 1 more like \"empty input: no text, no "
                                         "article\" (--verbose shows them all)"));

  SECTION("to standard output, and from inspect") {
    const auto to_stdout = run_cli(
        {"convert", (work / "news").string(), "-o", (work / "book.md").string(), "--report", "-"});
    CHECK(to_stdout.exit_code == 0);
    docconv::test::write_file(work / "stdout.json", to_stdout.out);
    require_valid_report(work / "stdout.json");
    const auto inspected =
        run_cli({"inspect", (work / "news").string(), "--report", report.string()});
    CHECK(inspected.exit_code == 0);
    require_valid_report(report);
    const auto inspect_json = nlohmann::json::parse(docconv::test::read_file(report));
    CHECK(inspect_json["command"] == "inspect");
    CHECK(inspect_json["outputs"].empty());
  }
}

TEST_CASE("each document read from a file carries the file's size and SHA-256") {
  const auto fixture = docconv::test::news_fixtures().front();
  const auto inspected = run_cli({"inspect", fixture.string()});
  REQUIRE(inspected.exit_code == 0);
  const auto metadata = nlohmann::json::parse(inspected.out).at("documents").at(0).at("metadata");
  const auto sha256sum = docconv::test::run("/usr/bin/sha256sum", {fixture.string()});
  REQUIRE(sha256sum.exit_code == 0);
  CHECK(metadata.at("identifiers").at("sha256") == sha256sum.out.substr(0, 64));
  CHECK(metadata.at("extras").at("source bytes") == std::to_string(fs::file_size(fixture)));

  // A model read back from JSON names the dump it was made from: the JSON
  // file's size and hash are not that dump's, and are not added.
  auto model = nlohmann::json::parse(inspected.out);
  auto& read_back = model.at("documents").at(0).at("metadata");
  read_back.at("identifiers").erase("sha256");
  read_back.at("extras").erase("source bytes");
  TempDir folder;
  docconv::test::write_file(folder / "model.json", model.dump());
  const auto again = run_cli({"inspect", (folder / "model.json").string()});
  REQUIRE(again.exit_code == 0);
  const auto metadata_again = nlohmann::json::parse(again.out).at("documents").at(0).at("metadata");
  CHECK(metadata_again.at("source") == fixture.string());
  CHECK_FALSE(metadata_again.value("identifiers", nlohmann::json::object()).contains("sha256"));
  CHECK_FALSE(metadata_again.value("extras", nlohmann::json::object()).contains("source bytes"));
}

TEST_CASE("inspect shows the fixtures' one near-duplicate pair, and keep looks for none") {
  std::vector<std::string> args{"inspect"};
  for (const auto& path : docconv::test::news_fixtures()) args.push_back(path.string());
  const auto result = run_cli(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto documents = nlohmann::json::parse(result.out).at("documents");
  std::vector<std::size_t> marked;
  for (std::size_t i = 0; i < documents.size(); ++i)
    if (documents[i].at("metadata").contains("near_duplicate_of")) marked.push_back(i);
  // 001 is a longer version of 000's story (Andrey Kelin on the Balkans).
  REQUIRE(marked == std::vector<std::size_t>{1});
  const auto& of = documents[1].at("metadata").at("near_duplicate_of");
  CHECK(of.at("article") == 1);
  CHECK(fs::path(of.at("source").get<std::string>()).filename() == "000_9473f793a25182a6.txt");
  CHECK(of.at("similarity").get<double>() > 0.8);

  args.insert(args.begin() + 1, {"--near-duplicates", "keep"});
  const auto kept = run_cli(args);
  REQUIRE(kept.exit_code == 0);
  CHECK(kept.out.find("near_duplicate_of") == std::string::npos);

  const auto wrong = run_cli({"inspect", "--near-duplicates", "remove", "x.txt"});
  CHECK(wrong.exit_code == 2);
  for (const char* threshold : {"0", "1.5", "nan", "NaN", "x", "inf"}) {
    INFO(threshold);
    const auto refused = run_cli({"inspect", "--near-duplicates-threshold", threshold, "x.txt"});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("--near-duplicates-threshold") != std::string::npos);
  }
}

TEST_CASE("near-duplicates drop leaves the copy out with one warning, for any -j") {
  TempDir folder;
  std::vector<std::string> args{"convert", "--near-duplicates", "drop", "--report",
                                (folder / "report.json").string()};
  for (const auto& path : docconv::test::news_fixtures()) args.push_back(path.string());
  std::string first_output;
  for (const std::string jobs : {"1", "2"}) {
    auto with_jobs = args;
    with_jobs.insert(with_jobs.end(),
                     {"-j", jobs, "-o", (folder / ("book-j" + jobs + ".md")).string()});
    const auto result = run_cli(with_jobs);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 2);  // the warning, "wrote"
    CHECK(result.err.find("left out 1 near-duplicate of article 1: ") != std::string::npos);
    CHECK(result.err.find("001_0ad67a5ab6efaf56.txt (0.") != std::string::npos);
    CHECK(result.err.find("4 articles from 5 inputs") != std::string::npos);
    const auto output = docconv::test::read_file(folder / ("book-j" + jobs + ".md"));
    CHECK(output.find("Draw Balkans Into NATO") == std::string::npos);  // 001's title
    if (first_output.empty())
      first_output = output;
    else
      CHECK(output == first_output);
    const auto report = nlohmann::json::parse(docconv::test::read_file(folder / "report.json"));
    CHECK(report.at("documents") == 4);
    CHECK(report.at("near_duplicates").at("left_out") == true);
    REQUIRE(report.at("near_duplicates").at("found").size() == 1);
    require_valid_report(folder / "report.json");
  }
}

TEST_CASE("a near-duplicate mark in a model read back is dropped: only the run can tell") {
  TempDir folder;
  std::vector<std::string> args{"inspect"};
  for (const auto& path : docconv::test::news_fixtures()) args.push_back(path.string());
  const auto marked = run_cli(args);
  REQUIRE(marked.exit_code == 0);
  REQUIRE(marked.out.find("near_duplicate_of") != std::string::npos);
  docconv::test::write_file(folder / "model.json", marked.out);
  const auto kept =
      run_cli({"inspect", "--near-duplicates", "keep", (folder / "model.json").string()});
  INFO(kept.err);
  REQUIRE(kept.exit_code == 0);
  CHECK(kept.out.find("near_duplicate_of") == std::string::npos);
  // With mark the run finds the pair again, in the JSON's own documents.
  const auto again = run_cli({"inspect", (folder / "model.json").string()});
  CHECK(again.out == marked.out);
}
