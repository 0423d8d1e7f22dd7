// A library stamped with another plugin ABI: refused from its descriptor,
// before any of its code runs (the factory would abort).
#define DOCCONV_PLUGIN_ABI_STAMP 1003
#include <docconv/plugin_export.hpp>

#include <cstdlib>

namespace {

class WrongAbiPlugin final : public docconv::Plugin {
 public:
  WrongAbiPlugin() { std::abort(); }
};

}  // namespace

DOCCONV_PLUGIN(WrongAbiPlugin,
               R"json({"name": "wrong-abi", "kind": "writer", "version": "1.0"})json")
