#include "host/plugin_descriptor.hpp"

#include <docconv/version.hpp>

#include <elf.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>

extern "C" [[gnu::visibility("hidden")]] const unsigned char __ehdr_start[];  // by the linker

namespace docconv::host {
namespace {

using Json = nlohmann::json;

// Options docconv itself defines, on any command; a plugin may not take them.
constexpr std::array<std::string_view, 23> reserved_options{
    "help", "version", "output", "to",    "from",       "split",  "title",         "author",
    "lang", "year",    "dir",    "lines", "plugin-dir", "strict", "json",          "quiet",
    "jobs", "inputs",  "o",      "t",     "f",          "j",      "max-input-size"};

constexpr std::size_t max_descriptor_bytes = 64 * 1024;
constexpr std::size_t max_section_names_bytes = 1024 * 1024;
constexpr std::string_view descriptor_section = ".docconv_plugin";

std::string machine_name(std::uint16_t machine) {
  switch (machine) {
    case EM_X86_64:
      return "x86-64";
    case EM_386:
      return "i386";
    case EM_AARCH64:
      return "aarch64";
    case EM_ARM:
      return "arm";
    case EM_RISCV:
      return "riscv";
    case EM_PPC64:
      return "ppc64";
    case EM_S390:
      return "s390x";
    case EM_MIPS:
      return "mips";
    default:
      return fmt::format("ELF machine {}", machine);
  }
}

std::string machine_text(const ElfMachine& machine) {
  return fmt::format("{} ({}-bit, {}-endian)", machine_name(machine.machine),
                     machine.word_size == ELFCLASS64 ? 64 : 32,
                     machine.byte_order == ELFDATA2LSB ? "little" : "big");
}

bool within(std::uint64_t offset, std::uint64_t size, std::uint64_t file_size) {
  return offset <= file_size && size <= file_size - offset;
}

ElfMachine machine_of(const unsigned char* header) {
  ElfMachine machine;
  machine.word_size = header[EI_CLASS];
  machine.byte_order = header[EI_DATA];
  // e_machine is at the same offset in both classes, in the file's byte order.
  const unsigned char low = header[18];
  const unsigned char high = header[19];
  machine.machine = machine.byte_order == ELFDATA2MSB ? static_cast<std::uint16_t>(low << 8 | high)
                                                      : static_cast<std::uint16_t>(high << 8 | low);
  return machine;
}

// Section headers in this machine's own layout (the caller checked the class
// and byte order match).
template <class Header, class SectionHeader>
std::optional<std::string> find_section(const ReadAt& read, std::uint64_t file_size,
                                        std::string_view wanted, std::size_t max_size) {
  Header header;
  if (!read(0, sizeof header, reinterpret_cast<char*>(&header)))
    throw Error("is not a shared library: too short for an ELF header");
  if (header.e_type != ET_DYN)
    throw Error(fmt::format("is not a shared library (ELF file type {})", header.e_type));
  if (header.e_shnum == 0 || header.e_shentsize != sizeof(SectionHeader) ||
      header.e_shstrndx == SHN_UNDEF || header.e_shstrndx >= header.e_shnum ||
      !within(header.e_shoff, std::uint64_t{header.e_shnum} * sizeof(SectionHeader), file_size))
    throw Error("is a malformed library: its section headers are missing or cut off");
  std::vector<SectionHeader> sections(header.e_shnum);
  if (!read(header.e_shoff, sections.size() * sizeof(SectionHeader),
            reinterpret_cast<char*>(sections.data())))
    throw Error("is a malformed library: its section headers are cut off");
  const SectionHeader& names_section = sections[header.e_shstrndx];
  if (names_section.sh_size > max_section_names_bytes ||
      !within(names_section.sh_offset, names_section.sh_size, file_size))
    throw Error("is a malformed library: its section names are cut off");
  std::string names(names_section.sh_size, '\0');
  if (!read(names_section.sh_offset, names.size(), names.data()))
    throw Error("is a malformed library: its section names are cut off");
  for (const auto& section : sections) {
    if (section.sh_name >= names.size()) continue;
    const char* name = names.data() + section.sh_name;
    if (std::string_view(name, strnlen(name, names.size() - section.sh_name)) != wanted) continue;
    if (section.sh_type == SHT_NOBITS || !within(section.sh_offset, section.sh_size, file_size))
      throw Error(fmt::format("is a malformed library: its {} section is cut off", wanted));
    if (section.sh_size > max_size)
      throw Error(fmt::format("has a {} section of {} bytes, more than the {} allowed", wanted,
                              section.sh_size, max_size));
    std::string bytes(section.sh_size, '\0');
    if (!read(section.sh_offset, bytes.size(), bytes.data()))
      throw Error(fmt::format("is a malformed library: its {} section is cut off", wanted));
    return bytes;
  }
  return std::nullopt;
}

// The descriptor's fields are checked one by one so that a plugin author
// reads which one is wrong, in `docconv plugins`.
const Json& field(const Json& object, std::string_view key, Json::value_t type,
                  std::string_view type_name, bool required) {
  static const Json absent;
  const auto found = object.find(key);
  if (found == object.end()) {
    if (required) throw Error(fmt::format("its descriptor has no \"{}\"", key));
    return absent;
  }
  const bool matches = type == Json::value_t::string    ? found->is_string()
                       : type == Json::value_t::boolean ? found->is_boolean()
                       : type == Json::value_t::array   ? found->is_array()
                                                        : found->is_object();
  if (!matches) throw Error(fmt::format("its descriptor's \"{}\" is not {}", key, type_name));
  return *found;
}

std::string text_field(const Json& object, std::string_view key, bool required) {
  const Json& value = field(object, key, Json::value_t::string, "a string", required);
  return value.is_string() ? value.get<std::string>() : std::string();
}

bool flag_field(const Json& object, std::string_view key) {
  const Json& value = field(object, key, Json::value_t::boolean, "true or false", false);
  return value.is_boolean() && value.get<bool>();
}

std::vector<std::string> texts_field(const Json& object, std::string_view key) {
  const Json& value = field(object, key, Json::value_t::array, "a list of strings", false);
  std::vector<std::string> texts;
  for (const auto& item : value) {
    if (!item.is_string())
      throw Error(fmt::format("its descriptor's \"{}\" is not a list of strings", key));
    texts.push_back(item.get<std::string>());
  }
  return texts;
}

void refuse_unknown_fields(const Json& object, std::initializer_list<std::string_view> known,
                           std::string_view where) {
  for (const auto& item : object.items()) {
    if (std::find(known.begin(), known.end(), item.key()) == known.end())
      throw Error(fmt::format("its descriptor{} has an unknown field \"{}\"", where, item.key()));
  }
}

// Starts with a letter or digit, so that it is never read as an option.
bool is_plain_name(std::string_view name) {
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  };
  return !name.empty() && name.front() != '-' && name.front() != '_' &&
         std::all_of(name.begin(), name.end(), allowed);
}

OptionSpec option_of(const Json& object) {
  if (!object.is_object())
    throw Error("its descriptor's \"options\" holds something not an object");
  refuse_unknown_fields(object, {"name", "help", "flag", "value_name", "choices"}, "'s option");
  OptionSpec option{text_field(object, "name", true), text_field(object, "help", false),
                    flag_field(object, "flag"), text_field(object, "value_name", false),
                    texts_field(object, "choices")};
  // CLI11 takes a long option of two or more of these characters, not starting with '-'.
  if (option.name.size() < 2 || !is_plain_name(option.name))
    throw Error(
        fmt::format("its option \"{}\" is not two or more lower-case letters, digits, '-' or '_', "
                    "starting with a letter or digit",
                    option.name));
  if (std::find(reserved_options.begin(), reserved_options.end(), option.name) !=
      reserved_options.end())
    throw Error(fmt::format("its option --{} clashes with a docconv option", option.name));
  // Choices go into shell completion scripts and help as they are.
  for (const auto& choice : option.choices)
    if (!is_plain_name(choice))
      throw Error(
          fmt::format("its option --{} has a choice \"{}\" that is not lower-case "
                      "letters, digits, '-' or '_', starting with a letter or digit",
                      option.name, choice));
  if (option.is_flag && !option.choices.empty())
    throw Error(fmt::format("its option --{} is a flag and has choices", option.name));
  return option;
}

// What a shell completion script can hold unquoted in a file pattern.
bool is_plain_extension(std::string_view extension) {
  const auto allowed = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '+' || c == '-';
  };
  return extension.size() >= 2 && extension.front() == '.' &&
         std::all_of(extension.begin(), extension.end(), allowed);
}

}  // namespace

const ElfMachine& this_machine() {
  // The linker's symbol for the ELF header of the object it links (this
  // library): no /proc needed, and the machine is the one docconv runs on.
  static const ElfMachine machine = machine_of(__ehdr_start);
  return machine;
}

std::optional<std::string> elf_section(const ReadAt& read, std::uint64_t file_size,
                                       const ElfMachine& machine, std::string_view name,
                                       std::size_t max_size) {
  std::array<unsigned char, EI_NIDENT + 4> identity{};
  if (!read(0, identity.size(), reinterpret_cast<char*>(identity.data())) ||
      std::memcmp(identity.data(), ELFMAG, SELFMAG) != 0)
    throw Error("is not a shared library: it does not start as an ELF file does");
  const ElfMachine found = machine_of(identity.data());
  if (found.word_size != machine.word_size || found.byte_order != machine.byte_order ||
      found.machine != machine.machine)
    throw Error(fmt::format("is built for another machine: {}, not {}", machine_text(found),
                            machine_text(machine)));
  if (machine.word_size == ELFCLASS64)
    return find_section<Elf64_Ehdr, Elf64_Shdr>(read, file_size, name, max_size);
  return find_section<Elf32_Ehdr, Elf32_Shdr>(read, file_size, name, max_size);
}

PluginInfo parse_plugin_descriptor(std::string_view text) {
  // The section holds one NUL-terminated string; anything after is padding.
  text = text.substr(0, text.find('\0'));
  Json descriptor;
  try {
    descriptor = Json::parse(text);
  } catch (const Json::exception& error) {
    throw Error(fmt::format("its descriptor is not JSON: {}", error.what()));
  }
  if (!descriptor.is_object() || !descriptor.contains("abi") ||
      !descriptor["abi"].is_number_integer())
    throw Error("its descriptor has no ABI number");
  // The ABI comes first: another ABI may describe plugins differently.
  const auto abi = descriptor["abi"].get<std::int64_t>();
  if (abi != abi_version)
    throw Error(fmt::format(
        "was built for plugin ABI {} but this docconv {} needs ABI {}: rebuild the plugin "
        "against this version's headers",
        abi, version_string, abi_version));
  refuse_unknown_fields(descriptor, {"abi", "plugin"}, "");
  const Json& plugin = field(descriptor, "plugin", Json::value_t::object, "an object", true);
  refuse_unknown_fields(plugin,
                        {"name", "kind", "version", "description", "aliases", "extensions",
                         "options", "binary_output", "supports_split"},
                        "");
  PluginInfo info;
  info.name = text_field(plugin, "name", true);
  if (!is_plain_name(info.name))
    throw Error(
        fmt::format("its name \"{}\" is not lower-case letters, digits, '-' or '_', starting with "
                    "a letter or digit",
                    info.name));
  const std::string kind = text_field(plugin, "kind", true);
  if (kind != "reader" && kind != "writer")
    throw Error(fmt::format("its kind \"{}\" is not \"reader\" or \"writer\"", kind));
  info.kind = kind == "reader" ? PluginKind::reader : PluginKind::writer;
  info.version = text_field(plugin, "version", true);
  info.description = text_field(plugin, "description", false);
  info.aliases = texts_field(plugin, "aliases");
  for (const auto& alias : info.aliases) {
    if (!is_plain_name(alias))
      throw Error(
          fmt::format("its alias \"{}\" is not lower-case letters, digits, '-' or '_', starting "
                      "with a letter or digit",
                      alias));
  }
  info.extensions = texts_field(plugin, "extensions");
  for (const auto& extension : info.extensions) {
    if (!is_plain_extension(extension))
      throw Error(
          fmt::format("its extension \"{}\" is not a dot then letters, digits, '.', "
                      "'_', '+' or '-'",
                      extension));
  }
  for (const auto& option : field(plugin, "options", Json::value_t::array, "a list", false))
    info.options.push_back(option_of(option));
  for (std::size_t i = 0; i < info.options.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (info.options[i].name == info.options[j].name)
        throw Error(fmt::format("its option --{} is declared twice", info.options[i].name));
    }
  }
  info.binary_output = flag_field(plugin, "binary_output");
  info.supports_split = flag_field(plugin, "supports_split");
  return info;
}

PluginInfo read_plugin_descriptor(const std::filesystem::path& library) {
  const RandomAccessFile file(library);  // regular files only; a FIFO never blocks
  const ReadAt read = file.reader();
  const std::uint64_t file_size = file.size();
  const auto text =
      elf_section(read, file_size, this_machine(), descriptor_section, max_descriptor_bytes);
  if (!text)
    throw Error(
        "is not a docconv plugin: it has no descriptor (a .docconv_plugin section; export the "
        "plugin with DOCCONV_PLUGIN)");
  return parse_plugin_descriptor(*text);
}

}  // namespace docconv::host
