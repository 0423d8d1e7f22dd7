// The .zip input path: fuzzer bytes written to a file named *.zip, listed by
// host::list_inputs and each entry loaded by host::load_input, as the CLI
// does. Problems must be reported (ProblemHandler, docconv::Error), never
// crash; entries that could leave a folder (absolute, "..") must never be
// listed; nothing larger than host::default_max_input_bytes is ever returned.
#include "fuzz_support.hpp"

#include "host/inputs.hpp"

#include <docconv/plugin.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using docconv::fuzz::fail;

namespace {

const std::filesystem::path& archive_path() {
  static const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                            ("docconv-fuzz-" + std::to_string(::getpid()) + ".zip");
  return path;
}

struct RemoveAtExit {
  ~RemoveAtExit() {
    std::error_code ignored;
    std::filesystem::remove(archive_path(), ignored);
  }
} remove_at_exit;

void check_entry_name(const std::string& entry) {
  if (entry.empty() || entry.front() == '/' || entry.find('\\') != std::string::npos)
    fail("an unsafe entry was listed: " + entry);
  for (const auto& part : std::filesystem::path(entry))
    if (part == "..") fail("an entry with '..' was listed: " + entry);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(archive_path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) fail("cannot write " + archive_path().string());
  }
  std::size_t problems = 0;
  const auto inputs = docconv::host::list_inputs(
      {archive_path().string()}, [&](const std::string& where, const std::string& what) {
        if (where.empty() || what.empty()) fail("a problem without a place or a text");
        ++problems;
      });
  for (const auto& input : inputs) {
    if (input.archive_entry.empty()) fail("a zip input without an entry: " + input.name);
    check_entry_name(input.archive_entry);
    try {
      const std::string bytes = docconv::host::load_input(input);
      if (bytes.size() > docconv::host::default_max_input_bytes)
        fail("an entry over the size limit");
    } catch (const docconv::Error&) {
      // Reported by name to the user: fine.
    }
  }
  return 0;
}
