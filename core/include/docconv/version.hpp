// docconv plugin SDK: version numbers.
#pragma once

namespace docconv {

/// Version of the docconv release these headers belong to.
inline constexpr const char* version_string = "0.3.0";

/// Version of the binary interface between the host and its plugins.
///
/// Plugins are C++ libraries that share types such as std::string and
/// std::vector with the host, so any change to a type in these headers, to a
/// virtual function, or to the standard library's ABI changes this number.
/// The host reads a plugin's number (DOCCONV_PLUGIN exports it) before it
/// touches anything else in the library and refuses a mismatch.
inline constexpr int abi_version = 3;

/// Version of the document model as shown by `docconv inspect`.
inline constexpr int model_version = 2;

}  // namespace docconv
