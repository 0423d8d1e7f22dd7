// A plugin whose object cannot be made: discovery lists it (its descriptor
// is fine), and using it fails with the constructor's message.
#include <docconv/plugin_export.hpp>

#include <stdexcept>

namespace {

class ThrowingPlugin final : public docconv::Plugin {
 public:
  ThrowingPlugin() { throw std::runtime_error("cannot start: configuration missing"); }
};

}  // namespace

DOCCONV_PLUGIN(ThrowingPlugin, R"json({"name": "throwing-entry", "kind": "writer", "version": "1.0",
                                   "extensions": [".throws"]})json")
