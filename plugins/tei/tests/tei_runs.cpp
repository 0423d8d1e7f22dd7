#include "tei_runs.hpp"

#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>

namespace docconv::tei::test {

const host::PluginEntry& tei_plugin() {
  const host::PluginEntry* plugin =
      docconv::test::project_plugins().find("tei", PluginKind::writer);
  if (plugin == nullptr)
    throw std::runtime_error("the tei plugin is not in the build's plugin folder");
  return *plugin;
}

std::vector<Document> read_news_text(const std::string& name, const std::string& bytes) {
  const host::PluginEntry* plugin =
      docconv::test::project_plugins().find("news-text", PluginKind::reader);
  if (plugin == nullptr)
    throw std::runtime_error("the news-text plugin is not in the build's plugin folder");
  const auto reader = host::PluginRegistry::make_reader(*plugin);
  CollectedWarnings warnings;
  const OptionValues options;
  return reader->read(Input{name, bytes}, ReadContext{options, warnings});
}

std::string write_tei(const Collection& collection, const OptionValues& options) {
  docconv::testing::MemorySink sink(false);
  CollectedWarnings warnings;
  host::write_collection(tei_plugin(), collection, sink, options, warnings);
  return sink.text();
}

std::vector<std::pair<std::string, std::string>> write_tei_split(const Collection& collection,
                                                                 const OptionValues& options) {
  docconv::testing::MemorySink sink(true);
  CollectedWarnings warnings;
  host::write_collection(tei_plugin(), collection, sink, options, warnings);
  return sink.parts();
}

pugi::xml_document parse_tei(const std::string& xml) {
  pugi::xml_document document;
  // parse_ws_pcdata: a space between two formatted runs is text, not indentation.
  const pugi::xml_parse_result result =
      document.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
  INFO("parse error: " << result.description() << " at offset " << result.offset);
  REQUIRE(result);
  return document;
}

namespace {

/// /usr/bin/jing (java-wrappers) warns on stderr about optional jars it
/// does not find: "[warning] /usr/bin/jing: Unable to locate xml-apis in /usr/share/java".
bool is_wrapper_note(const std::string& line) {
  return line.rfind("[warning] ", 0) == 0 && line.find(": Unable to locate ") != std::string::npos;
}

}  // namespace

JingResult validate_with_jing(const std::vector<std::filesystem::path>& files) {
  std::vector<std::string> args{
      (docconv::test::fixtures_dir() / "schemas" / "tei_all.rng").string()};
  for (const auto& file : files) args.push_back(file.string());
  const docconv::test::RunResult run = docconv::test::run(DOCCONV_JING, args);
  JingResult result{run.exit_code, run.out};
  std::istringstream errors(run.err);
  for (std::string line; std::getline(errors, line);)
    if (!is_wrapper_note(line)) result.messages += line + "\n";
  return result;
}

}  // namespace docconv::tei::test
