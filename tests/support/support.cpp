#include "support.hpp"

#include <docconv/plugin.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace docconv::test {
namespace fs = std::filesystem;

fs::path source_dir() {
  return DOCCONV_TEST_SOURCE_DIR;
}
fs::path fixtures_dir() {
  return source_dir() / "fixtures";
}
fs::path cli_path() {
  return DOCCONV_TEST_CLI;
}
fs::path plugin_dir() {
  return DOCCONV_TEST_PLUGIN_DIR;
}
fs::path test_plugin_dir() {
  return DOCCONV_TEST_TEST_PLUGIN_DIR;
}

std::vector<fs::path> news_fixtures() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fixtures_dir() / "news"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TempDir::TempDir() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = fs::temp_directory_path() /
            ("docconv-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
             std::to_string(random() % 100000));
    if (fs::create_directory(path_)) return;
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
  fs::remove_all(path_, ignored);
}

RunResult run(const fs::path& program, const std::vector<std::string>& args, const Environment& env,
              const std::string& stdin_text) {
  TempDir scratch;
  fs::create_directory(scratch / "xdg");
  write_file(scratch / "stdin", stdin_text);
  std::string command =
      "env -u DOCCONV_PLUGIN_PATH -u CI XDG_DATA_HOME=" + shell_quote((scratch / "xdg").string());
  for (const auto& [name, value] : env) command += " " + shell_quote(name + "=" + value);
  command += " " + shell_quote(program.string());
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " <" + shell_quote((scratch / "stdin").string()) + " >" +
             shell_quote((scratch / "stdout").string()) + " 2>" +
             shell_quote((scratch / "stderr").string());
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(scratch / "stdout");
  result.err = read_file(scratch / "stderr");
  return result;
}

RunResult run_cli(const std::vector<std::string>& args, const Environment& env,
                  const std::string& stdin_text) {
  return run(cli_path(), args, env, stdin_text);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

const host::PluginRegistry& project_plugins() {
  static const host::PluginRegistry registry = host::PluginRegistry::discover({plugin_dir()});
  return registry;
}

std::vector<std::string> file_names(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> temporaries_in(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos)
      found.push_back(entry.path().string());
  return found;
}

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find('\n', start), text.size());
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool accepting_new_results() {
  const char* accept = std::getenv("DOCCONV_ACCEPT");
  return accept != nullptr && std::string(accept) == "1";
}

}  // namespace docconv::test
