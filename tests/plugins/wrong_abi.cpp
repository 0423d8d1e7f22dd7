// A plugin stamped with another ABI version: the host must refuse it before
// calling anything else in it (its docconv_plugin would abort the process).
#include <docconv/plugin.hpp>
#include <docconv/version.hpp>

#include <boost/dll/alias.hpp>

#include <cstdlib>
#include <memory>

namespace wrong_abi {
inline int abi() {
  return docconv::abi_version + 1000;
}
inline std::unique_ptr<docconv::Plugin> make() {
  std::abort();
}
}  // namespace wrong_abi

BOOST_DLL_ALIAS(wrong_abi::abi, docconv_plugin_abi)
BOOST_DLL_ALIAS(wrong_abi::make, docconv_plugin)
