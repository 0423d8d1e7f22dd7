#include "host/registry.hpp"

#include <algorithm>
#include <cstdlib>

namespace docconv::host {
namespace fs = std::filesystem;

namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

bool is_inside(const fs::path& path, const fs::path& folder) {
  std::error_code error;
  const auto canonical_path = fs::weakly_canonical(path, error);
  const auto canonical_folder = fs::weakly_canonical(folder, error);
  if (canonical_folder.empty()) return false;
  const auto [folder_end, path_it] = std::mismatch(canonical_folder.begin(), canonical_folder.end(),
                                                   canonical_path.begin(), canonical_path.end());
  return folder_end == canonical_folder.end();
}

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& cli_folders,
                                         const fs::path& installed_folder,
                                         const fs::path& build_folder) {
  std::vector<fs::path> folders(cli_folders.begin(), cli_folders.end());
  const auto from_environment = environment("DOCCONV_PLUGIN_PATH");
  std::size_t start = 0;
  while (start <= from_environment.size()) {
    auto end = from_environment.find(':', start);
    if (end == std::string::npos) end = from_environment.size();
    if (end > start) folders.emplace_back(from_environment.substr(start, end - start));
    start = end + 1;
  }
  // The XDG spec: a relative path in these variables is invalid and ignored,
  // else plugin code would load from wherever docconv happens to be run.
  auto data_home = fs::path(environment("XDG_DATA_HOME"));
  if (!data_home.is_absolute()) data_home = fs::path(environment("HOME")) / ".local/share";
  if (data_home.is_absolute()) folders.push_back(data_home / "docconv" / "plugins");
  if (!installed_folder.empty()) folders.push_back(installed_folder.lexically_normal());
  if (!build_folder.empty()) folders.push_back(build_folder);

  // One folder is scanned once, at its first place in the order.
  std::vector<fs::path> unique;
  std::vector<fs::path> seen;
  for (const auto& folder : folders) {
    std::error_code error;
    auto key = fs::weakly_canonical(folder, error);
    if (error) key = folder.lexically_normal();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(key);
    unique.push_back(folder);
  }
  return unique;
}

}  // namespace docconv::host
