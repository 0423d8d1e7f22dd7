// Shared helpers for docconv's tests: paths into the build tree, running the
// real CLI, temporary folders, and the registry of the project's plugins.
#pragma once

#include "host/registry.hpp"
#include "host/shell.hpp"

#include <docconv/plugin.hpp>
#include <docconv/testing.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docconv::test {

std::filesystem::path source_dir();       ///< The repository root.
std::filesystem::path fixtures_dir();     ///< source_dir() / "fixtures".
std::filesystem::path cli_path();         ///< The built docconv executable.
std::filesystem::path plugin_dir();       ///< build/plugins: the project's plugins.
std::filesystem::path test_plugin_dir();  ///< Where tests/plugins/* are built.

/// The five article dumps in fixtures/news, sorted.
std::vector<std::filesystem::path> news_fixtures();

/// A fresh folder under the system temp folder, removed with its contents on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

using Environment = std::vector<std::pair<std::string, std::string>>;

/// Runs `program` with `args` in a controlled environment: DOCCONV_PLUGIN_PATH
/// unset and XDG_DATA_HOME pointing at an empty folder, unless `env` sets them.
RunResult run(const std::filesystem::path& program, const std::vector<std::string>& args,
              const Environment& env = {}, const std::string& stdin_text = {});

/// `text` quoted for /bin/sh: one word, whatever it holds.
using host::shell_quote;

/// run(cli_path(), ...)
RunResult run_cli(const std::vector<std::string>& args, const Environment& env = {},
                  const std::string& stdin_text = {});

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view bytes);

/// The project's plugins (plugin_dir()), discovered once per test process.
const host::PluginRegistry& project_plugins();

/// Diagnostics that keep every warning as a "where: message" line (the SDK's).
using CollectingDiagnostics = docconv::testing::CollectingDiagnostics;

/// Names of the entries of `folder`, sorted (not recursive).
std::vector<std::string> file_names(const std::filesystem::path& folder);

/// Paths under `folder` (recursive) that look like docconv's temporary
/// outputs (".NAME.tmp-XXXXXX"): none may be left after any run.
std::vector<std::string> temporaries_in(const std::filesystem::path& folder);

/// Whether DOCCONV_ACCEPT=1 asks golden tests and transcripts to rewrite
/// their expected files with what the code gives now (review before committing).
bool accepting_new_results();

/// Non-empty lines of `text`.
std::vector<std::string> lines(std::string_view text);

}  // namespace docconv::test
