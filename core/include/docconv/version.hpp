// docconv plugin SDK: version numbers.
#pragma once

/// The plugin ABI version as a preprocessor number, for DOCCONV_PLUGIN's
/// descriptor (see abi_version).
#define DOCCONV_ABI_VERSION 3

/// The release as a string literal, for descriptors (see version_string).
#define DOCCONV_VERSION "0.3.0"

namespace docconv {

/// Version of the docconv release these headers belong to.
inline constexpr const char* version_string = DOCCONV_VERSION;

/// Version of the binary interface between the host and its plugins.
///
/// Plugins are C++ libraries that share types such as std::string and
/// std::vector with the host, so any change to a type in these headers, to a
/// virtual function, or to the standard library's ABI changes this number.
/// The host reads a plugin's number from its descriptor (DOCCONV_PLUGIN
/// writes it) without loading the library, and refuses a mismatch.
inline constexpr int abi_version = DOCCONV_ABI_VERSION;

/// Version of the document model as shown by `docconv inspect`.
inline constexpr int model_version = 3;

}  // namespace docconv
