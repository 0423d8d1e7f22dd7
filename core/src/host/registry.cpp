#include "host/registry.hpp"

#include <docconv/version.hpp>

#include <fmt/format.h>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace docconv::host {
namespace fs = std::filesystem;

namespace {

// Options the CLI itself defines; a plugin may not take these names.
constexpr std::array<std::string_view, 17> reserved_options{
    "help", "version",    "output", "to",   "from",  "split", "title", "author", "lang",
    "year", "plugin-dir", "strict", "json", "quiet", "jobs",  "o",     "t"};

// dlopen's own message is more useful than Boost's generic wrapper text.
std::string load_failure(const std::exception& error) {
  const std::string text = error.what();
  const std::string marker = "dlerror system message: ";
  const auto start = text.find(marker);
  if (start == std::string::npos) return text;
  auto message = text.substr(start + marker.size());
  const auto end = message.rfind(')');
  if (end != std::string::npos) message.resize(end);
  return message;
}

std::string check_info(const PluginInfo& info, bool has_reader, bool has_writer) {
  if (info.name.empty()) return "its info() has an empty name";
  const bool valid_name = std::all_of(info.name.begin(), info.name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  if (!valid_name)
    return fmt::format("its name '{}' is not lower-case letters, digits, '-' or '_'", info.name);
  if (info.kind == PluginKind::reader && !has_reader)
    return "it says it is a reader but make_reader() returns nothing";
  if (info.kind == PluginKind::writer && !has_writer)
    return "it says it is a writer but make_writer() returns nothing";
  for (const auto& option : info.options) {
    if (std::find(reserved_options.begin(), reserved_options.end(), option.name) !=
        reserved_options.end())
      return fmt::format("its option --{} clashes with a docconv option", option.name);
  }
  return {};
}

bool ends_with_extension(std::string_view path, std::string_view extension) {
  if (extension.empty() || path.size() < extension.size()) return false;
  const auto tail = path.substr(path.size() - extension.size());
  return std::equal(tail.begin(), tail.end(), extension.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

std::string_view kind_name(PluginKind kind) {
  return kind == PluginKind::reader ? "reader" : "writer";
}

std::unique_ptr<LoadedPlugin> PluginRegistry::load(const fs::path& library, std::string& reason) {
  auto shared = std::make_shared<boost::dll::shared_library>();
  try {
    shared->load(library.string(),
                 boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& error) {
    reason = "cannot be loaded: " + load_failure(error);
    return nullptr;
  }
  // The ABI number is read before anything else: a plugin built against other
  // headers may disagree with us on the layout of every other type.
  if (!shared->has("docconv_plugin_abi") || !shared->has("docconv_plugin")) {
    reason =
        "is not a docconv plugin: it has no docconv_plugin_abi/docconv_plugin entry point "
        "(export one with DOCCONV_PLUGIN)";
    return nullptr;
  }
  int plugin_abi = 0;
  try {
    plugin_abi = shared->get_alias<int()>("docconv_plugin_abi")();
  } catch (...) {
    reason = "its docconv_plugin_abi entry point failed";
    return nullptr;
  }
  if (plugin_abi != abi_version) {
    reason = fmt::format(
        "was built for plugin ABI {} but this docconv {} needs ABI {}: rebuild the plugin "
        "against this version's headers",
        plugin_abi, version_string, abi_version);
    return nullptr;
  }
  std::unique_ptr<Plugin> made;
  PluginInfo info;
  bool has_reader = false;
  bool has_writer = false;
  try {
    made = shared->get_alias<std::unique_ptr<Plugin>()>("docconv_plugin")();
    if (!made) {
      reason = "its docconv_plugin entry point returned no plugin";
      return nullptr;
    }
    info = made->info();
    has_reader = made->make_reader() != nullptr;
    has_writer = made->make_writer() != nullptr;
  } catch (const std::exception& error) {
    reason = fmt::format("failed while starting: {}", error.what());
    return nullptr;
  } catch (...) {
    reason = "failed while starting: it threw something that is not a std::exception";
    return nullptr;
  }
  if (auto problem = check_info(info, has_reader, has_writer); !problem.empty()) {
    reason = "is unusable: " + problem;
    return nullptr;
  }
  std::shared_ptr<const void> keep_loaded = shared;
  return std::make_unique<LoadedPlugin>(LoadedPlugin{
      std::move(info), library,
      PluginObject<const Plugin>(made.release(), PluginObjectDeleter<const Plugin>{keep_loaded})});
}

PluginRegistry PluginRegistry::discover(const std::vector<fs::path>& folders) {
  PluginRegistry registry;
  registry.folders_ = folders;
  const auto suffix = boost::dll::shared_library::suffix().string();
  for (const auto& folder : folders) {
    std::error_code error;
    std::vector<fs::path> libraries;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
      if (entry.path().extension() == suffix && !entry.is_directory(error))
        libraries.push_back(entry.path());
    }
    std::sort(libraries.begin(), libraries.end());
    for (const auto& library : libraries) {
      std::string reason;
      auto loaded = load(library, reason);
      if (!loaded) {
        registry.rejected_.push_back({library, reason});
        continue;
      }
      const auto* earlier = registry.find(loaded->info.name, loaded->info.kind);
      if (earlier == nullptr) earlier = registry.find(loaded->info.name, PluginKind::reader);
      if (earlier == nullptr) earlier = registry.find(loaded->info.name, PluginKind::writer);
      if (earlier != nullptr) {
        registry.shadowed_.push_back({loaded->info.name, library, earlier->path});
        continue;
      }
      registry.plugins_.push_back(std::move(*loaded));
    }
  }
  return registry;
}

const LoadedPlugin* PluginRegistry::find(std::string_view name, PluginKind kind) const {
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != kind) continue;
    if (plugin.info.name == name) return &plugin;
    const auto& aliases = plugin.info.aliases;
    if (std::find(aliases.begin(), aliases.end(), name) != aliases.end()) return &plugin;
  }
  return nullptr;
}

const LoadedPlugin* PluginRegistry::writer_for_path(std::string_view path) const {
  const LoadedPlugin* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != PluginKind::writer) continue;
    for (const auto& extension : plugin.info.extensions) {
      if (ends_with_extension(path, extension) && extension.size() > best_length) {
        best = &plugin;
        best_length = extension.size();
      }
    }
  }
  return best;
}

const LoadedPlugin* PluginRegistry::reader_by_extension(std::string_view name) const {
  const LoadedPlugin* best = nullptr;
  std::size_t best_length = 0;
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != PluginKind::reader) continue;
    for (const auto& extension : plugin.info.extensions) {
      if (ends_with_extension(name, extension) && extension.size() > best_length) {
        best = &plugin;
        best_length = extension.size();
      }
    }
  }
  return best;
}

const LoadedPlugin* PluginRegistry::reader_for(std::string_view name, std::string_view head) const {
  const LoadedPlugin* best = reader_by_extension(name);
  if (best != nullptr) return best;
  int best_score = 0;
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != PluginKind::reader) continue;
    int score = 0;
    try {
      score = plugin.plugin->probe(head);
    } catch (...) {
      score = 0;  // a probe that fails is a plugin that does not recognise the input
    }
    if (score > best_score) {
      best = &plugin;
      best_score = score;
    }
  }
  return best;
}

const RejectedPlugin* PluginRegistry::rejected_named(std::string_view name) const {
  const std::string expected = "docconv-" + std::string(name);
  for (const auto& rejected : rejected_) {
    if (rejected.path.stem().string() == expected) return &rejected;
  }
  return nullptr;
}

PluginObject<Reader> PluginRegistry::make_reader(const LoadedPlugin& plugin) {
  auto made = plugin.plugin->make_reader();
  if (!made) throw Error(fmt::format("plugin {} made no reader", plugin.info.name));
  return PluginObject<Reader>(made.release(), {plugin.plugin.get_deleter().library});
}

PluginObject<Writer> PluginRegistry::make_writer(const LoadedPlugin& plugin) {
  auto made = plugin.plugin->make_writer();
  if (!made) throw Error(fmt::format("plugin {} made no writer", plugin.info.name));
  return PluginObject<Writer>(made.release(), {plugin.plugin.get_deleter().library});
}

}  // namespace docconv::host
