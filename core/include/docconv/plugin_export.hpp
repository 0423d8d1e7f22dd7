// docconv plugin SDK: exporting a plugin from a shared library.
//
// Include this in exactly one source file of a plugin and write
//     DOCCONV_PLUGIN(MyPlugin)
// at namespace scope, where MyPlugin derives from docconv::Plugin and is
// default-constructible.
#pragma once

#include <docconv/plugin.hpp>
#include <docconv/version.hpp>

#include <boost/dll/alias.hpp>

#include <memory>

/// The ABI number a plugin is stamped with. Define it only to see how a host
/// treats a plugin built for another ABI (docconv's own tests do).
#ifndef DOCCONV_PLUGIN_ABI_STAMP
#define DOCCONV_PLUGIN_ABI_STAMP ::docconv::abi_version
#endif

/// Exports two symbols through Boost.DLL:
///  - docconv_plugin_abi: int(), the ABI version the plugin was compiled
///    against; the host checks it before calling anything else;
///  - docconv_plugin: std::unique_ptr<docconv::Plugin>(), the plugin object.
#define DOCCONV_PLUGIN(PluginClass)                              \
  namespace docconv_plugin_entry {                               \
  inline int abi() {                                             \
    return DOCCONV_PLUGIN_ABI_STAMP;                             \
  }                                                              \
  inline std::unique_ptr<::docconv::Plugin> make() {             \
    return std::make_unique<PluginClass>();                      \
  }                                                              \
  }                                                              \
  BOOST_DLL_ALIAS(docconv_plugin_entry::abi, docconv_plugin_abi) \
  BOOST_DLL_ALIAS(docconv_plugin_entry::make, docconv_plugin)
