// Running the tei writer plugin in memory and validating its output with jing.
#pragma once

#include "host/registry.hpp"

#include <docconv/plugin.hpp>

#include <pugixml.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace docconv::tei::test {

struct CollectedWarnings final : Diagnostics {
  std::vector<std::string> messages;
  void warn(std::string_view where, std::string_view message) override {
    messages.push_back(std::string(where) + ": " + std::string(message));
  }
};

/// The tei plugin as the host loads it from the build's plugin folder.
const host::PluginEntry& tei_plugin();

/// What the news-text reader plugin (from the build's plugin folder) makes of
/// `bytes` read as input `name`: the documents (none when it skips the input).
std::vector<Document> read_news_text(const std::string& name, const std::string& bytes);

/// The single-file output of the tei writer for `collection`.
std::string write_tei(const Collection& collection, const OptionValues& options = {});

/// The --split output: (file name, content) in the order written.
std::vector<std::pair<std::string, std::string>> write_tei_split(const Collection& collection,
                                                                 const OptionValues& options = {});

/// Parses TEI output; fails the current test when it is not well-formed.
pugi::xml_document parse_tei(const std::string& xml);

/// What jing says about `files` against fixtures/schemas/tei_all.rng, all
/// checked in one run (the JVM is slow to start). Empty means valid; the
/// Debian wrapper's notes about optional jars it cannot find are not jing's
/// and are left out.
struct JingResult {
  int exit_code = -1;
  std::string messages;
};
JingResult validate_with_jing(const std::vector<std::filesystem::path>& files);

}  // namespace docconv::tei::test
