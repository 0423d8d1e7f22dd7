#include "host/registry.hpp"
#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <docconv/version.hpp>

#include <algorithm>

using namespace docconv;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names(const host::PluginRegistry& registry) {
  std::vector<std::string> out;
  for (const auto& plugin : registry.plugins()) out.push_back(plugin.info.name);
  return out;
}

const host::RejectedPlugin* rejected(const host::PluginRegistry& registry, std::string_view file) {
  for (const auto& r : registry.rejected())
    if (r.path.filename() == file) return &r;
  return nullptr;
}

class NullDiagnostics final : public Diagnostics {
 public:
  void warn(std::string_view, std::string_view) override {}
};

}  // namespace

TEST_CASE("discovery loads the good plugins of a folder in file-name order") {
  const auto registry = host::PluginRegistry::discover({test::test_plugin_dir() / "good"});
  CHECK(names(registry) == std::vector<std::string>{"test-reader", "test-writer"});
  CHECK(registry.rejected().empty());
  const auto* writer = registry.find("test-writer", PluginKind::writer);
  REQUIRE(writer != nullptr);
  CHECK(writer->info.version == "1.0");
  CHECK(writer->path == test::test_plugin_dir() / "good" / "docconv-test-writer.so");
  CHECK(registry.find("tw", PluginKind::writer) == writer);
  CHECK(registry.find("test-writer", PluginKind::reader) == nullptr);
}

TEST_CASE("broken libraries are rejected with their path and the reason") {
  TempDir folder;
  for (const auto& entry : fs::directory_iterator(test::test_plugin_dir() / "broken"))
    fs::copy_file(entry.path(), folder / entry.path().filename());
  test::write_file(folder / "docconv-text.so", "this is a text file, not a library\n");
  test::write_file(folder / "README.txt", "not a library either, and not named like one\n");

  const auto registry = host::PluginRegistry::discover({folder.path()});
  // Its descriptor is fine: it fails only when used (below).
  CHECK(names(registry) == std::vector<std::string>{"throwing-entry"});
  REQUIRE(registry.rejected().size() == 4);
  // Rejected in file-name order, like everything in a folder.
  CHECK(registry.rejected()[0].path.filename() == "docconv-bad-descriptor.so");
  CHECK(registry.rejected()[1].path.filename() == "docconv-no-entry.so");
  CHECK(registry.rejected()[2].path.filename() == "docconv-text.so");
  CHECK(registry.rejected()[3].path.filename() == "docconv-wrong-abi.so");

  CHECK_THAT(rejected(registry, "docconv-bad-descriptor.so")->reason,
             Catch::Equals("its descriptor has an unknown field \"extension\""));
  CHECK_THAT(rejected(registry, "docconv-no-entry.so")->reason,
             Catch::StartsWith("is not a docconv plugin: it has no descriptor"));
  CHECK_THAT(rejected(registry, "docconv-text.so")->reason,
             Catch::Equals("is not a shared library: it does not start as an ELF file does"));
  CHECK_THAT(rejected(registry, "docconv-wrong-abi.so")->reason,
             Catch::StartsWith("was built for plugin ABI 1003 but this docconv " +
                               std::string(docconv::version_string) + " needs ABI " +
                               std::to_string(docconv::abi_version)));
  CHECK(registry.rejected_named("wrong-abi") == rejected(registry, "docconv-wrong-abi.so"));
}

TEST_CASE("a plugin whose object cannot be made fails when used, the same way every time") {
  const auto registry = host::PluginRegistry::discover({test::test_plugin_dir() / "broken"});
  const auto* throwing = registry.find("throwing-entry", PluginKind::writer);
  REQUIRE(throwing != nullptr);
  const std::string expected =
      (test::test_plugin_dir() / "broken" / "docconv-throwing-entry.so").string() +
      " failed while starting: cannot start: configuration missing";
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      (void)host::PluginRegistry::make_writer(*throwing);
      FAIL("the writer was made");
    } catch (const docconv::Error& error) {
      CHECK(std::string(error.what()) == expected);
    }
  }
}

TEST_CASE("the first plugin of a name wins and later ones are reported as shadowed") {
  const auto good = test::test_plugin_dir() / "good";
  const auto shadow = test::test_plugin_dir() / "shadow";
  SECTION("good folder first") {
    const auto registry = host::PluginRegistry::discover({good, shadow});
    CHECK(registry.find("test-writer", PluginKind::writer)->info.version == "1.0");
    REQUIRE(registry.shadowed().size() == 1);
    CHECK(registry.shadowed()[0].name == "test-writer");
    CHECK(registry.shadowed()[0].path == shadow / "docconv-test-writer-copy.so");
    CHECK(registry.shadowed()[0].used == good / "docconv-test-writer.so");
  }
  SECTION("shadow folder first") {
    const auto registry = host::PluginRegistry::discover({shadow, good});
    CHECK(registry.find("test-writer", PluginKind::writer)->info.version == "2.0-shadow");
    CHECK(names(registry) == std::vector<std::string>{"test-writer", "test-reader"});
    REQUIRE(registry.shadowed().size() == 1);
    CHECK(registry.shadowed()[0].path == good / "docconv-test-writer.so");
  }
}

TEST_CASE("missing folders in the search path are not an error") {
  const auto registry =
      host::PluginRegistry::discover({"/nonexistent/docconv", test::test_plugin_dir() / "good"});
  CHECK(registry.plugins().size() == 2);
}

TEST_CASE("a writer keeps its library loaded after the registry is gone") {
  host::PluginObject<Writer> writer;
  {
    const auto registry = host::PluginRegistry::discover({test::test_plugin_dir() / "good"});
    writer = host::PluginRegistry::make_writer(*registry.find("test-writer", PluginKind::writer));
  }
  // The registry and its PluginEntry are destroyed; the writer's code must still be there.
  docconv::testing::MemorySink sink;
  NullDiagnostics diagnostics;
  const CollectionMetadata collection{"C", {}, {}, {}, {}, {}};
  const OptionValues options;
  const WriteContext context{collection, sink, options, diagnostics};
  writer->begin(context);
  Document document;
  document.metadata.title = "Kept alive";
  writer->add(document);
  writer->finish();
  writer.reset();
  CHECK(sink.text() == "collection C\n# Kept alive\nend 1\n");
}

TEST_CASE("readers are chosen by extension, then by content") {
  const auto registry = host::PluginRegistry::discover({test::test_plugin_dir() / "good"});
  const auto* reader = registry.find("test-reader", PluginKind::reader);
  CHECK(registry.reader_for("a/b.tst", "") == reader);
  CHECK(registry.reader_for("a/b.TST", "") == reader);
  CHECK(registry.reader_for("noextension", "TEST data") == reader);
  CHECK(registry.reader_for("noextension", "other data") == nullptr);
  CHECK(registry.writer_for_path("out/x.testout") ==
        registry.find("test-writer", PluginKind::writer));
  CHECK(registry.writer_for_path("out/x.unknown") == nullptr);
}

TEST_CASE("writer errors are attributed to the plugin by name") {
  const auto registry = host::PluginRegistry::discover({test::test_plugin_dir() / "good"});
  Collection collection;
  Document failing;
  failing.metadata.title = "WRITER-FAIL";
  collection.documents.push_back(failing);
  docconv::testing::MemorySink sink;
  NullDiagnostics diagnostics;
  CHECK_THROWS_WITH(host::write_collection(*registry.find("test-writer", PluginKind::writer),
                                           collection, sink, {}, diagnostics),
                    "test-writer: this document asks the test writer to fail");
}

TEST_CASE("the search path puts the command line first and the build tree last") {
  TempDir home;
  setenv("DOCCONV_PLUGIN_PATH", "/p1:/p2::/p1", 1);
  setenv("XDG_DATA_HOME", home.path().c_str(), 1);
  const auto path = host::plugin_search_path({"/cli", "/p2"}, "/opt/bin/../lib/docconv/plugins",
                                             "/build/plugins");
  unsetenv("DOCCONV_PLUGIN_PATH");
  unsetenv("XDG_DATA_HOME");
  CHECK(path == std::vector<fs::path>{"/cli", "/p2", "/p1", home / "docconv" / "plugins",
                                      "/opt/lib/docconv/plugins", "/build/plugins"});
}

TEST_CASE("the build tree is recognised by where the executable is") {
  TempDir build;
  fs::create_directories(build / "bin");
  CHECK(host::is_inside(build / "bin" / "docconv", build.path()));
  CHECK_FALSE(host::is_inside("/usr/local/bin/docconv", build.path()));
}

TEST_CASE("a descriptor's choices and extensions are plain words, for the help and the shells") {
  const auto descriptor = [](const std::string& extensions, const std::string& option) {
    return fmt::format(
        R"({{"abi": {}, "plugin": {{"name": "x", "kind": "reader", "version": "1",
             "description": "d", "extensions": {}, "options": [{}]}}}})",
        abi_version, extensions, option);
  };
  const auto info = host::parse_plugin_descriptor(
      descriptor(R"([".txt", ".tar.gz", ".c++"])",
                 R"({"name": "layout", "value_name": "MODE", "choices": ["auto", "lines"]})"));
  CHECK(info.extensions == std::vector<std::string>{".txt", ".tar.gz", ".c++"});
  REQUIRE(info.options.size() == 1);
  CHECK(info.options[0].choices == std::vector<std::string>{"auto", "lines"});

  const auto refused = [&](const std::string& extensions, const std::string& option) {
    try {
      host::parse_plugin_descriptor(descriptor(extensions, option));
    } catch (const Error& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  const std::string plain_option = R"({"name": "layout"})";
  CHECK_THAT(refused(R"([".t xt"])", plain_option),
             Catch::Equals("its extension \".t xt\" is not a dot then letters, digits, '.', '_', "
                           "'+' or '-'"));
  CHECK_THAT(refused(R"([".txt;rm"])", plain_option), Catch::StartsWith("its extension"));
  CHECK_THAT(refused(R"(["txt"])", plain_option), Catch::StartsWith("its extension"));
  CHECK_THAT(refused(R"([".txt"])", R"({"name": "layout", "choices": ["a b"]})"),
             Catch::StartsWith("its option --layout has a choice \"a b\" that is not"));
  CHECK_THAT(refused(R"([".txt"])", R"({"name": "layout", "choices": "auto"})"),
             Catch::Contains("\"choices\" is not a list of strings"));
  CHECK_THAT(refused(R"([".txt"])", R"({"name": "layout", "flag": true, "choices": ["a"]})"),
             Catch::Equals("its option --layout is a flag and has choices"));
}
