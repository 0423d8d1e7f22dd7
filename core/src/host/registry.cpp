#include "host/registry.hpp"

#include <docconv/version.hpp>

#include <fmt/format.h>
#include <boost/dll/library_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <array>
#include <mutex>
#include <optional>

namespace docconv::host {
namespace fs = std::filesystem;

namespace {

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

bool ends_with_extension(std::string_view path, std::string_view extension) {
  if (extension.empty() || path.size() < extension.size()) return false;
  const auto tail = path.substr(path.size() - extension.size());
  return std::equal(tail.begin(), tail.end(), extension.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

// Boost.DLL exports the factory as an alias: a pointer to it in the
// "boostdll" section. A library that exports a symbol of that name anywhere
// else (plain data, say) would have the host call whatever it points at.
bool exports_factory(const fs::path& library) {
  try {
    boost::dll::library_info info(library.string());
    const auto symbols = info.symbols("boostdll");
    return std::find(symbols.begin(), symbols.end(), "docconv_plugin") != symbols.end();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

// The library and the plugin object it made, once loaded; or why not.
struct PluginLibrary {
  std::mutex mutex;
  bool tried = false;
  std::string failure;
  std::shared_ptr<boost::dll::shared_library> library;
  PluginObject<const Plugin> object;

  void load(const fs::path& path) {
    if (!exports_factory(path)) {
      failure = fmt::format(
          "{} is not a docconv plugin: it exports no docconv_plugin factory (export the plugin "
          "with DOCCONV_PLUGIN)",
          path.string());
      return;
    }
    auto shared = std::make_shared<boost::dll::shared_library>();
    try {
      shared->load(path.string(),
                   boost::dll::load_mode::rtld_lazy | boost::dll::load_mode::rtld_local);
    } catch (const std::exception& error) {
      failure = fmt::format("{} cannot be loaded: {}", path.string(), load_failure(error));
      return;
    }
    std::unique_ptr<Plugin> made;
    try {
      made = shared->get_alias<std::unique_ptr<Plugin>()>("docconv_plugin")();
    } catch (const std::exception& error) {
      failure = fmt::format("{} failed while starting: {}", path.string(), error.what());
      return;
    } catch (...) {
      failure =
          fmt::format("{} failed while starting: it threw something that is not a std::exception",
                      path.string());
      return;
    }
    if (!made) {
      failure = fmt::format("{}: its docconv_plugin factory returned no plugin", path.string());
      return;
    }
    library = shared;
    object = PluginObject<const Plugin>(made.release(),
                                        PluginObjectDeleter<const Plugin>{std::move(shared)});
  }
};

std::string_view kind_name(PluginKind kind) {
  return kind == PluginKind::reader ? "reader" : "writer";
}

const Plugin& PluginEntry::object() const {
  std::lock_guard lock(library->mutex);
  if (!library->tried) {
    library->tried = true;
    library->load(path);
  }
  if (!library->object) throw Error(library->failure);
  return *library->object;
}

PluginEntry PluginRegistry::describe(const fs::path& library) {
  return PluginEntry{read_plugin_descriptor(library), library, std::make_shared<PluginLibrary>()};
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
      std::optional<PluginEntry> found;
      try {
        found = describe(library);
      } catch (const std::exception& error) {
        registry.rejected_.push_back({library, error.what()});
        continue;
      }
      const auto* earlier = registry.find(found->info.name, found->info.kind);
      if (earlier == nullptr) earlier = registry.find(found->info.name, PluginKind::reader);
      if (earlier == nullptr) earlier = registry.find(found->info.name, PluginKind::writer);
      if (earlier != nullptr) {
        registry.shadowed_.push_back({found->info.name, library, earlier->path});
        continue;
      }
      registry.plugins_.push_back(std::move(*found));
    }
  }
  return registry;
}

const PluginEntry* PluginRegistry::find(std::string_view name, PluginKind kind) const {
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != kind) continue;
    if (plugin.info.name == name) return &plugin;
    const auto& aliases = plugin.info.aliases;
    if (std::find(aliases.begin(), aliases.end(), name) != aliases.end()) return &plugin;
  }
  return nullptr;
}

const PluginEntry* PluginRegistry::writer_for_path(std::string_view path) const {
  const PluginEntry* best = nullptr;
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

const PluginEntry* PluginRegistry::reader_by_extension(std::string_view name) const {
  const PluginEntry* best = nullptr;
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

const PluginEntry* PluginRegistry::reader_for(std::string_view name, std::string_view head,
                                              int minimum_score) const {
  const PluginEntry* best = reader_by_extension(name);
  if (best != nullptr) return best;
  int best_score = std::max(minimum_score, 1) - 1;
  for (const auto& plugin : plugins_) {
    if (plugin.info.kind != PluginKind::reader) continue;
    int score = 0;
    try {
      score = plugin.object().probe(head);
    } catch (...) {
      score = 0;  // a probe that fails (or a library that does not load) recognises nothing
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

PluginObject<Reader> PluginRegistry::make_reader(const PluginEntry& plugin) {
  auto made = plugin.object().make_reader();
  if (!made) throw Error(fmt::format("plugin {} made no reader", plugin.info.name));
  return PluginObject<Reader>(made.release(), {plugin.library->library});
}

PluginObject<Writer> PluginRegistry::make_writer(const PluginEntry& plugin) {
  auto made = plugin.object().make_writer();
  if (!made) throw Error(fmt::format("plugin {} made no writer", plugin.info.name));
  return PluginObject<Writer>(made.release(), {plugin.library->library});
}

}  // namespace docconv::host
