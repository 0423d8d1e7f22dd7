// docconv plugin SDK: exporting a plugin from a shared library.
//
// Include this in exactly one source file of a plugin and write, at
// namespace scope,
//     DOCCONV_PLUGIN(MyPlugin, R"json({"name": "my", "kind": "writer", ...})json")
// where MyPlugin derives from docconv::Plugin and is default-constructible,
// and the second argument is the plugin's descriptor: a JSON object saying
// what the plugin is (docs/writing-a-plugin.md lists its fields).
#pragma once

#include <docconv/plugin.hpp>
#include <docconv/version.hpp>

#include <boost/dll/alias.hpp>

#include <memory>

/// The ABI number a plugin is stamped with. Define it only to see how a host
/// treats a plugin built for another ABI (docconv's own tests do).
#ifndef DOCCONV_PLUGIN_ABI_STAMP
#define DOCCONV_PLUGIN_ABI_STAMP DOCCONV_ABI_VERSION
#endif

#define DOCCONV_PLUGIN_STRING_(x) #x
#define DOCCONV_PLUGIN_STRING(x) DOCCONV_PLUGIN_STRING_(x)

/// Puts the descriptor in the library's `.docconv_plugin` section as
/// {"abi": N, "plugin": DESCRIPTOR}, NUL-terminated. The host reads it from
/// the file without loading the library, so `docconv plugins`, `--help` and
/// `--version` run no plugin code, and a conversion loads only the plugins
/// it uses. DOCCONV_PLUGIN writes it; use it alone only to build a library
/// that is deliberately not a working plugin. The symbol is exported so that
/// a link with --gc-sections keeps the section.
// clang-format off
#define DOCCONV_PLUGIN_DESCRIPTOR(descriptor)                                 \
  extern "C" [[gnu::used, gnu::visibility("default"),                         \
               gnu::section(".docconv_plugin")]]                              \
  const char docconv_plugin_descriptor[] =                                    \
      "{\"abi\": " DOCCONV_PLUGIN_STRING(DOCCONV_PLUGIN_ABI_STAMP)            \
      ", \"plugin\": " descriptor "}";
// clang-format on

/// Writes the descriptor and exports, through Boost.DLL, the factory the
/// host calls when the plugin is first used:
///  - docconv_plugin: std::unique_ptr<docconv::Plugin>(), the plugin object.
#define DOCCONV_PLUGIN(PluginClass, descriptor)      \
  DOCCONV_PLUGIN_DESCRIPTOR(descriptor)              \
  namespace docconv_plugin_entry {                   \
  inline std::unique_ptr<::docconv::Plugin> make() { \
    return std::make_unique<PluginClass>();          \
  }                                                  \
  }                                                  \
  BOOST_DLL_ALIAS(docconv_plugin_entry::make, docconv_plugin)
