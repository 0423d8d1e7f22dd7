// A plugin whose entry point throws.
#include <docconv/plugin_export.hpp>

#include <stdexcept>

namespace {

class ThrowingPlugin final : public docconv::Plugin {
 public:
  ThrowingPlugin() { throw std::runtime_error("cannot start: configuration missing"); }
  docconv::PluginInfo info() const override { return {}; }
};

}  // namespace

DOCCONV_PLUGIN(ThrowingPlugin)
