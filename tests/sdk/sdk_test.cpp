// What a plugin author does: install docconv into a prefix, build plugins
// outside the repository against that prefix alone, install them into the
// per-user folder, and run the installed docconv with them.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <docconv/version.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using docconv::test::read_file;
using docconv::test::run;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::write_file;
namespace fs = std::filesystem;

namespace {

const fs::path cmake = "/usr/bin/cmake";

void require_ok(const RunResult& result, const std::string& what) {
  INFO(what << "\nstdout:\n" << result.out << "\nstderr:\n" << result.err);
  REQUIRE(result.exit_code == 0);
}

// Sanitizer builds only (see tests/CMakeLists.txt): what links an executable
// against the installed, instrumented libdocconv-core.
const std::string sanitize = DOCCONV_TEST_SANITIZE;

std::vector<std::string> sanitizer_arguments() {
  if (sanitize.empty()) return {};
  return {"-DCMAKE_CXX_COMPILER=" DOCCONV_TEST_CXX,
          "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=" + sanitize};
}

std::string compiler_command() {
  return sanitize.empty() ? "c++" : std::string(DOCCONV_TEST_CXX) + " -fsanitize=" + sanitize;
}

// Configures, builds and installs a plugin project with only `prefix` to find docconv in.
void build_plugin(const fs::path& source, const fs::path& build, const fs::path& prefix,
                  const docconv::test::Environment& env,
                  const std::vector<std::string>& extra = {}) {
  std::vector<std::string> configure{"-S",
                                     source.string(),
                                     "-B",
                                     build.string(),
                                     "-DCMAKE_PREFIX_PATH=" + prefix.string(),
                                     "-DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF",
                                     "-DCMAKE_BUILD_TYPE=Release"};
  const auto sanitizing = sanitizer_arguments();
  configure.insert(configure.end(), sanitizing.begin(), sanitizing.end());
  configure.insert(configure.end(), extra.begin(), extra.end());
  require_ok(run(cmake, configure, env), "configure " + source.string());
  require_ok(run(cmake, {"--build", build.string(), "-j", "2"}, env), "build " + source.string());
}

std::vector<std::string> fixture_arguments() {
  std::vector<std::string> args;
  for (const auto& file : docconv::test::news_fixtures()) args.push_back(file.string());
  return args;
}

// The prefix and the two user plugins, made once per test process and shared
// by the sections below (each section would otherwise rebuild them).
struct InstalledSdk {
  TempDir work;
  fs::path prefix = work / "prefix";
  fs::path data_home = work / "data";
  docconv::test::Environment env{{"XDG_DATA_HOME", data_home.string()}};
  fs::path docconv = prefix / "bin" / "docconv";

  InstalledSdk() {
    require_ok(run(cmake, {"--install", DOCCONV_TEST_BUILD_DIR, "--prefix", prefix.string()}),
               "install");
    // The example plugin, copied out of the repository so nothing points back into it.
    fs::copy(docconv::test::source_dir() / "docs" / "examples" / "jsonl-writer",
             work / "jsonl-writer", fs::copy_options::recursive);
    build_plugin(work / "jsonl-writer", work / "jsonl-build", prefix, env);
    require_ok(run(cmake, {"--install", (work / "jsonl-build").string()}, env), "install jsonl");
    // A project from `docconv new-plugin`, built and installed the same way.
    require_ok(run(docconv, {"new-plugin", "writer", "shout", "--dir", (work / "shout").string()}),
               "new-plugin");
    build_plugin(work / "shout", work / "shout-build", prefix, env);
    require_ok(run(cmake, {"--install", (work / "shout-build").string()}, env), "install shout");
  }
};

const InstalledSdk& installed_sdk() {
  static const InstalledSdk sdk;
  return sdk;
}

}  // namespace

TEST_CASE("a user builds, installs and runs their own writer against an installed docconv") {
  const auto& sdk = installed_sdk();
  const auto& work = sdk.work;
  const auto& prefix = sdk.prefix;
  const auto& env = sdk.env;
  const auto& docconv = sdk.docconv;

  SECTION("the install gives what a plugin author needs") {
    for (const auto* path :
         {"bin/docconv", "lib/libdocconv-core.so", "include/docconv/plugin.hpp",
          "include/docconv/model.hpp", "lib/cmake/docconv/docconvConfig.cmake",
          "lib/cmake/docconv/docconvConfigVersion.cmake", "lib/pkgconfig/docconv.pc",
          "lib/docconv/plugins/docconv-news-text.so"})
      CHECK(fs::exists(prefix / path));
    CHECK(fs::is_symlink(prefix / "lib" / "libdocconv-core.so"));  // to the SONAME'd file
    CHECK(fs::exists(sdk.data_home / "docconv" / "plugins" / "docconv-jsonl.so"));
    CHECK(fs::exists(sdk.data_home / "docconv" / "plugins" / "docconv-shout.so"));
    // Installed binaries find libdocconv-core by their RUNPATH: the CLI and
    // the project's plugins relative to themselves, a user's plugin where
    // the docconv it was built against is.
    for (const auto& binary :
         {prefix / "bin" / "docconv", prefix / "lib" / "docconv" / "plugins" / "docconv-tei.so",
          sdk.data_home / "docconv" / "plugins" / "docconv-shout.so",
          sdk.data_home / "docconv" / "plugins" / "docconv-jsonl.so"}) {
      const auto linked = run("/usr/bin/ldd", {binary.string()});
      INFO(binary.string() << "\n" << linked.out);
      std::string core_path;
      for (const auto& line : docconv::test::lines(linked.out))
        if (const auto arrow = line.find("libdocconv-core.so.0 => "); arrow != std::string::npos)
          core_path = line.substr(arrow + 24, line.find(" (") - arrow - 24);
      REQUIRE(fs::exists(core_path));  // not "not found"
      CHECK(fs::equivalent(core_path, prefix / "lib" / "libdocconv-core.so.0"));
    }
  }

  SECTION(
      "the installed docconv finds its own and the user's plugins, nothing from the build tree") {
    const auto listed = run(docconv, {"plugins", "--json"}, env);
    require_ok(listed, "plugins");
    const auto json = nlohmann::json::parse(listed.out);
    std::vector<std::string> names;
    for (const auto& plugin : json["plugins"]) {
      names.push_back(plugin["name"]);
      CHECK_FALSE(docconv::test::lines(plugin["path"].get<std::string>()).empty());
      CHECK(plugin["path"].get<std::string>().rfind(DOCCONV_TEST_BUILD_DIR, 0) != 0);
    }
    CHECK(json["rejected"].empty());
    CHECK(std::find(names.begin(), names.end(), "jsonl") != names.end());
    CHECK(std::find(names.begin(), names.end(), "shout") != names.end());
    CHECK(std::find(names.begin(), names.end(), "news-text") != names.end());
  }

  SECTION("convert -t jsonl writes one JSON object per article") {
    auto args = fixture_arguments();
    args.insert(args.begin(), "convert");
    for (const auto* extra : {"-t", "jsonl", "-o"}) args.push_back(extra);
    args.push_back((work / "articles.jsonl").string());
    require_ok(run(docconv, args, env), "convert -t jsonl");

    auto inspect_args = fixture_arguments();
    inspect_args.insert(inspect_args.begin(), "inspect");
    const auto inspected = run(docconv, inspect_args, env);
    require_ok(inspected, "inspect");
    const auto model = nlohmann::json::parse(inspected.out)["documents"];

    const auto lines = docconv::test::lines(read_file(work / "articles.jsonl"));
    REQUIRE(lines.size() == docconv::test::news_fixtures().size());
    REQUIRE(model.size() == lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto record = nlohmann::json::parse(lines[i]);
      INFO("article " << i);
      CHECK(record["title"] == model[i]["metadata"]["title"]);
      CHECK(record["source"] == docconv::test::news_fixtures()[i].string());
      CHECK(record["date"] == model[i]["metadata"]["date"]["iso"]);
      // Every paragraph the reader found is in the text.
      for (const auto& block : model[i]["blocks"])
        if (block["type"] == "paragraph")
          CHECK_THAT(record["text"].get<std::string>(),
                     Catch::Contains(block["text"].get<std::string>()));
    }
  }

  SECTION("the generated writer works as generated") {
    const auto out = work / "articles.shout";
    auto args = fixture_arguments();
    args.insert(args.begin(), "convert");
    args.insert(args.end(), {"-t", "shout", "-o", out.string()});
    require_ok(run(docconv, args, env), "convert -t shout");
    CHECK_FALSE(read_file(out).empty());
  }

  SECTION("a generated reader, its name with a dash, builds and reads as generated") {
    require_ok(
        run(docconv, {"new-plugin", "reader", "line-list", "--dir", (work / "line-list").string()}),
        "new-plugin reader");
    for (const auto* file : {"CMakeLists.txt", "README.md", "src/line_list_plugin.cpp",
                             "src/line_list_reader.hpp", "src/line_list_reader.cpp"})
      CHECK(fs::exists(work / "line-list" / file));
    build_plugin(work / "line-list", work / "line-list-build", prefix, env);
    const auto tested =
        run("/usr/bin/ctest", {"--test-dir", (work / "line-list-build").string()}, env);
    require_ok(tested, "the generated reader's generated test");
    CHECK_THAT(tested.out, Catch::Contains("100% tests passed, 0 tests failed out of 1"));
    write_file(work / "input.line-list", "A title\nfirst line\n\nsecond line\n");
    const auto inspected = run(docconv,
                               {"--plugin-dir", (work / "line-list-build").string(), "inspect",
                                (work / "input.line-list").string()},
                               env);
    require_ok(inspected, "inspect with the generated reader");
    const auto document = nlohmann::json::parse(inspected.out)["documents"].at(0);
    CHECK(document["metadata"]["title"] == "A title");
    CHECK(document["blocks"].size() == 2);
  }

  SECTION("pkg-config gives the flags to build a plugin by hand") {
    const docconv::test::Environment pkg_env{
        {"PKG_CONFIG_PATH", (prefix / "lib" / "pkgconfig").string()},
        {"XDG_DATA_HOME", (work / "pkg-data").string()}};
    const auto flags = run("/usr/bin/pkg-config", {"--cflags", "--libs", "docconv"}, pkg_env);
    require_ok(flags, "pkg-config");
    const auto include_at = flags.out.find("-I");
    REQUIRE(include_at != std::string::npos);
    const auto include_dir =
        flags.out.substr(include_at + 2, flags.out.find(' ', include_at) - include_at - 2);
    CHECK(fs::equivalent(include_dir, prefix / "include"));  // found from the .pc file's own place
    CHECK_THAT(flags.out, Catch::Contains("-ldocconv-core"));
    const auto library = work / "pkg-build" / "docconv-shout.so";
    fs::create_directories(library.parent_path());
    // As the doc says: flags before the source, libraries after it, and the
    // library's folder as the RUNPATH.
    const std::string command =
        "c++ -shared -fPIC -fvisibility=hidden $(pkg-config --cflags docconv) -o '" +
        library.string() + "' '" + (work / "shout" / "src" / "shout_plugin.cpp").string() + "' '" +
        (work / "shout" / "src" / "shout_writer.cpp").string() +
        "' $(pkg-config --libs docconv) -Wl,-rpath,$(pkg-config --variable=libdir docconv)";
    require_ok(run("/bin/sh", {"-c", command}, pkg_env), "c++ with pkg-config flags");
    CHECK_THAT(run("/usr/bin/ldd", {library.string()}).out,
               !Catch::Contains("libdocconv-core.so.0 => not found"));
    const auto listed =
        run(docconv, {"plugins", "--plugin-dir", library.parent_path().string()}, pkg_env);
    CHECK_THAT(listed.out, Catch::Contains("shout") && Catch::Contains(library.string()));
    CHECK_THAT(listed.out, !Catch::Contains("rejected"));
  }

  SECTION("a generated writer turned into XML with the SDK's escaping passes its generated test") {
    require_ok(
        run(docconv, {"new-plugin", "writer", "xml-page", "--dir", (work / "xml-page").string()}),
        "new-plugin");
    const auto writer_source = work / "xml-page" / "src" / "xml_page_writer.cpp";
    const auto replace = [](std::string& text, const std::string& from, const std::string& to) {
      const auto at = text.find(from);
      REQUIRE(at != std::string::npos);
      text.replace(at, from.size(), to);
    };
    auto code = read_file(writer_source);
    replace(
        code, "out << docconv::plain_text(text) << \"\\n\";",
        "out << \"<p>\" << docconv::escape_xml_text(docconv::plain_text(text)) << \"</p>\\n\";");
    replace(code, "out << document.metadata.title << \"\\n\";",
            "out << \"<h1 title=\\\"\" << docconv::escape_xml_attribute(document.metadata.title)"
            " << \"\\\">\" << docconv::escape_xml_text(document.metadata.title) << \"</h1>\\n\";");
    write_file(writer_source, code);

    // With CMake: the generated project builds its test; ctest runs it.
    build_plugin(work / "xml-page", work / "xml-page-build", prefix, env);
    const auto tested =
        run("/usr/bin/ctest", {"--test-dir", (work / "xml-page-build").string()}, env);
    require_ok(tested, "ctest of the generated writer test");
    CHECK_THAT(tested.out, Catch::Contains("100% tests passed, 0 tests failed out of 1"));

    // With pkg-config: the same test compiled by hand.
    const docconv::test::Environment pkg_env{
        {"PKG_CONFIG_PATH", (prefix / "lib" / "pkgconfig").string()}};
    const auto compile_and_run = [&](const std::string& name) {
      const auto binary = work / name;
      const std::string command =
          compiler_command() + " $(pkg-config --cflags docconv) -I'" +
          (work / "xml-page" / "src").string() + "' -o '" + binary.string() + "' '" +
          (work / "xml-page" / "tests" / "xml_page_test.cpp").string() + "' '" +
          writer_source.string() +
          "' $(pkg-config --libs docconv) -Wl,-rpath,$(pkg-config --variable=libdir docconv)";
      require_ok(run("/bin/sh", {"-c", command}, pkg_env), "c++ " + name);
      return run(binary, {});
    };
    const auto passed = compile_and_run("xml-page-test");
    INFO(passed.err);
    CHECK(passed.exit_code == 0);
    CHECK_THAT(passed.out, Catch::Contains("all checks passed"));

    // The generated test fails a writer that loses text.
    replace(code, "[&](const docconv::Paragraph& paragraph) { line(paragraph.content); },",
            "[&](const docconv::Paragraph&) {},");
    write_file(writer_source, code);
    const auto failed = compile_and_run("xml-page-lossy-test");
    CHECK(failed.exit_code == 1);
    CHECK_THAT(failed.err, Catch::Contains("FAILED: the output has \""));
    CHECK_THAT(failed.err, Catch::Contains("FAILED: 0001-"));
  }

  SECTION("a writer whose visitor leaves out a block kind, or catches all, does not compile") {
    const docconv::test::Environment pkg_env{
        {"PKG_CONFIG_PATH", (prefix / "lib" / "pkgconfig").string()}};
    const std::string cases =
        "[](const docconv::Heading&) {}, [](const docconv::Paragraph&) {},"
        "[](const docconv::BlockQuote&) {}, [](const docconv::List&) {},"
        "[](const docconv::Figure&) {}, [](const docconv::RelatedLink&) {}";
    const auto compile = [&](const std::string& name, const std::string& last_case) {
      const auto source = work / (name + ".cpp");
      write_file(source,
                 "#include <docconv/visit.hpp>\n"
                 "void render(const docconv::Block& block) {\n"
                 "  docconv::visit_block(block.content, docconv::overloaded{" +
                     cases + last_case + "});\n}\n");
      return run("/bin/sh",
                 {"-c", "c++ -std=c++20 -fsyntax-only $(pkg-config --cflags docconv) '" +
                            source.string() + "'"},
                 pkg_env);
    };
    const auto complete = compile("complete", ", [](const docconv::Removed&) {}");
    INFO(complete.err);
    CHECK(complete.exit_code == 0);  // the check below fails for the right reason
    const auto missing = compile("missing", "");
    CHECK(missing.exit_code != 0);
    CHECK_THAT(missing.err, Catch::Contains("the visitor needs an overload for every block kind"));
    const auto catch_all = compile("catch-all", ", [](const auto&) -> void {}");
    CHECK(catch_all.exit_code != 0);
    CHECK_THAT(catch_all.err, Catch::Contains("the visitor has a catch-all overload"));
  }

  SECTION("a plugin stamped with another ABI is refused with the documented message") {
    build_plugin(work / "shout", work / "shout-wrong-abi", prefix, env,
                 {"-DCMAKE_CXX_FLAGS=-DDOCCONV_PLUGIN_ABI_STAMP=999"});
    const docconv::test::Environment empty_data{{"XDG_DATA_HOME", (work / "empty").string()}};
    const auto listed =
        run(docconv, {"plugins", "--plugin-dir", (work / "shout-wrong-abi").string()}, empty_data);
    CHECK_THAT(listed.out,
               Catch::Contains(
                   "rejected: " + (work / "shout-wrong-abi" / "docconv-shout.so").string() +
                   ": was built for plugin ABI 999 but this docconv " + docconv::version_string +
                   " needs ABI " + std::to_string(docconv::abi_version) +
                   ": "
                   "rebuild the plugin against this version's headers"));
    auto args = fixture_arguments();
    args.insert(args.begin(), {"--plugin-dir", (work / "shout-wrong-abi").string(), "convert"});
    args.insert(args.end(), {"-t", "shout", "-o", (work / "x.shout").string()});
    const auto refused = run(docconv, args, empty_data);
    CHECK(refused.exit_code == 2);
    CHECK_THAT(refused.err, Catch::Contains("plugin shout is not available: "));
    CHECK_FALSE(fs::exists(work / "x.shout"));
  }

  SECTION("a plugin that throws in add() fails the run cleanly with its message") {
    require_ok(
        run(docconv, {"new-plugin", "writer", "thrower", "--dir", (work / "thrower").string()}),
        "new-plugin");
    const auto source = work / "thrower" / "src" / "thrower_writer.cpp";
    auto code = read_file(source);
    const std::string marker = "// Extension point: render the article.";
    REQUIRE(code.find(marker) != std::string::npos);
    code.replace(code.find(marker), marker.size(),
                 "throw docconv::Error(\"cannot render \" + document.metadata.title);");
    write_file(source, code);
    build_plugin(work / "thrower", work / "thrower-build", prefix, env);
    const auto out = work / "articles.thrower";
    auto args = fixture_arguments();
    args.insert(args.begin(), {"--plugin-dir", (work / "thrower-build").string(), "convert"});
    args.insert(args.end(), {"-t", "thrower", "-o", out.string()});
    const auto failed = run(docconv, args, env);
    CHECK(failed.exit_code == 1);
    CHECK_THAT(failed.err,
               Catch::Contains("docconv: error: " + out.string() + ": thrower: cannot render "));
    CHECK_FALSE(fs::exists(out));
    CHECK(docconv::test::temporaries_in(work.path()).empty());
  }
}

TEST_CASE("the install puts the man page and the completions where man and the shells look") {
  const auto& sdk = installed_sdk();
  for (const auto* path :
       {"share/man/man1/docconv.1", "share/bash-completion/completions/docconv",
        "share/zsh/site-functions/_docconv", "share/fish/vendor_completions.d/docconv.fish"})
    CHECK(fs::is_regular_file(sdk.prefix / path));
  // The installed bash completion offers the installed writers: the
  // project's and the two the user built (found in their data folder).
  const std::string program =
      "source " +
      docconv::test::shell_quote(
          (sdk.prefix / "share" / "bash-completion" / "completions" / "docconv").string()) +
      " && complete -p docconv && COMP_WORDS=(docconv convert -t '') && COMP_CWORD=3 && "
      "_docconv && printf '%s\\n' \"${COMPREPLY[@]}\"";
  auto env = sdk.env;
  env.emplace_back("PATH", (sdk.prefix / "bin").string() + ":/usr/bin:/bin");
  const auto completed = run("/bin/bash", {"-c", program}, env);
  INFO(completed.err);
  REQUIRE(completed.exit_code == 0);
  CHECK_THAT(completed.out, Catch::StartsWith("complete -o filenames -F _docconv docconv\n"));
  for (const auto* writer : {"epub", "markdown", "pandoc-json", "tei", "jsonl", "shout"})
    CHECK_THAT(completed.out, Catch::Contains(std::string("\n") + writer + "\n"));
}
