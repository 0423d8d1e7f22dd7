// Plugin descriptors: what docconv reads from every library in a plugin
// folder before it runs any plugin code. Fuzzer bytes are a library file
// (ELF headers, section headers, the .docconv_plugin section) or, when they
// do not start as an ELF file does, a descriptor's text. Either must be read
// or refused with a docconv::Error; anything else escaping is a crash, and
// so is a descriptor accepted with a name or option the CLI cannot take.
#include "fuzz_support.hpp"
#include "host/plugin_descriptor.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

using docconv::fuzz::fail;
namespace host = docconv::host;

namespace {

bool plain(std::string_view name) {
  return !name.empty() && name.front() != '-' && name.front() != '_' &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

void check(const host::PluginInfo& info) {
  if (!plain(info.name)) fail("a descriptor was accepted with the name '" + info.name + "'");
  for (const auto& option : info.options) {
    if (option.name.size() < 2 || option.name.front() == '-' || !plain(option.name))
      fail("a descriptor was accepted with the option '" + option.name + "'");
  }
  for (const auto& extension : info.extensions) {
    if (extension.size() < 2 || extension.front() != '.')
      fail("a descriptor was accepted with the extension '" + extension + "'");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    if (!bytes.starts_with("\x7f"
                           "ELF")) {
      check(host::parse_plugin_descriptor(bytes));
      return 0;
    }
    const host::ReadAt read = [&](std::uint64_t offset, std::size_t count, char* out) {
      if (offset > bytes.size() || count > bytes.size() - offset) return false;
      std::memcpy(out, bytes.data() + offset, count);
      return true;
    };
    const auto section =
        host::elf_section(read, bytes.size(), host::this_machine(), ".docconv_plugin", 64 * 1024);
    if (section) check(host::parse_plugin_descriptor(*section));
  } catch (const docconv::Error&) {
    // refused, with a reason: what docconv lists under "rejected"
  }
  return 0;
}
