// What the robustness tests share (they are one executable, built as one
// unit: a helper lives here once, not in each file).
#pragma once

#include "support.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace docconv::robustness_test {

/// What an output file holds before a run that must leave it untouched.
inline const std::string previous_output = "previous output, must survive\n";

/// `path` quoted for /bin/sh.
inline std::string quoted(const std::filesystem::path& path) {
  return test::shell_quote(path.string());
}

/// The stderr lines of `result` that mention `name`.
inline std::vector<std::string> lines_naming(const test::RunResult& result,
                                             const std::string& name) {
  std::vector<std::string> found;
  for (const auto& line : test::lines(result.err))
    if (line.find(name) != std::string::npos) found.push_back(line);
  return found;
}

}  // namespace docconv::robustness_test
