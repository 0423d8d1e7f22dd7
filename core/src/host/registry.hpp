// Private to the docconv host: discovering, loading and holding plugins.
#pragma once

#include "host/plugin_descriptor.hpp"

#include <docconv/plugin.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::host {

/// Deletes an object made by a plugin, then lets go of the plugin's library:
/// the library stays loaded for as long as any object made from it lives, so
/// unloading can never leave a dangling vtable.
template <class T>
struct PluginObjectDeleter {
  std::shared_ptr<const void> library;  // a boost::dll::shared_library, type-erased
  void operator()(T* object) const noexcept { delete object; }
};

template <class T>
using PluginObject = std::unique_ptr<T, PluginObjectDeleter<T>>;

struct PluginLibrary;  // a plugin's library, loaded on first use

/// A plugin found by discovery: what its descriptor says, where it is, and
/// its code, which runs only once the plugin is used.
struct PluginEntry {
  PluginInfo info;
  std::filesystem::path path;
  std::shared_ptr<PluginLibrary> library;

  /// The plugin's object, loading its library the first time it is asked
  /// for (from any thread). Throws docconv::Error with the reason when the
  /// library cannot be loaded or its entry point fails; the same error on
  /// every later call.
  const Plugin& object() const;
};

struct RejectedPlugin {
  std::filesystem::path path;
  std::string reason;
};

/// A plugin whose name was already taken by one found earlier in the search order.
struct ShadowedPlugin {
  std::string name;
  std::filesystem::path path;
  std::filesystem::path used;  ///< The plugin that won.
};

class PluginRegistry {
 public:
  /// Reads the descriptor of every shared library in `folders`, in that
  /// order and, inside a folder, in file-name order, without loading any.
  /// The first plugin of a name wins.
  static PluginRegistry discover(const std::vector<std::filesystem::path>& folders);

  /// Reads one library's descriptor. Throws docconv::Error with the reason
  /// it is not a usable plugin.
  static PluginEntry describe(const std::filesystem::path& library);

  const std::vector<PluginEntry>& plugins() const { return plugins_; }
  const std::vector<RejectedPlugin>& rejected() const { return rejected_; }
  const std::vector<ShadowedPlugin>& shadowed() const { return shadowed_; }
  const std::vector<std::filesystem::path>& folders() const { return folders_; }

  /// By name or alias.
  const PluginEntry* find(std::string_view name, PluginKind kind) const;
  /// The writer whose extension matches the end of `path` (longest match wins).
  const PluginEntry* writer_for_path(std::string_view path) const;
  /// The reader whose extension `name` has (the longest match), or null.
  const PluginEntry* reader_by_extension(std::string_view name) const;
  /// The reader for an input: by extension, else the highest probe() of at
  /// least `minimum_score` (and more than 0), which loads the readers asked.
  const PluginEntry* reader_for(std::string_view name, std::string_view head,
                                int minimum_score = 1) const;
  /// A rejected library whose file name suggests it is the plugin `name`
  /// ("docconv-NAME.so"), for "plugin X is not available" messages.
  const RejectedPlugin* rejected_named(std::string_view name) const;

  static PluginObject<Reader> make_reader(const PluginEntry& plugin);
  static PluginObject<Writer> make_writer(const PluginEntry& plugin);

 private:
  std::vector<std::filesystem::path> folders_;
  std::vector<PluginEntry> plugins_;
  std::vector<RejectedPlugin> rejected_;
  std::vector<ShadowedPlugin> shadowed_;
};

/// The probe score from which a file found in a folder or archive, with an
/// extension no reader claims, is read: a reader is fairly sure it is its
/// format (news-text gives 30 to text in a legacy encoding, 10 to markup).
/// Files named on the command line are tried with any score above 0.
inline constexpr int confident_probe_score = 30;

/// The plugin search path, in order: `cli_folders` (--plugin-dir), each
/// folder of DOCCONV_PLUGIN_PATH, ${XDG_DATA_HOME:-~/.local/share}/docconv/plugins,
/// `installed_folder` (beside the executable), and `build_folder` (non-empty
/// only when running from the build tree). Each folder appears once.
std::vector<std::filesystem::path> plugin_search_path(
    const std::vector<std::filesystem::path>& cli_folders,
    const std::filesystem::path& installed_folder, const std::filesystem::path& build_folder);

/// True when `path` lies inside `folder` (both resolved).
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

std::string_view kind_name(PluginKind kind);

}  // namespace docconv::host
