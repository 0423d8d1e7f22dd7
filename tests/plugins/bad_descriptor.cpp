// A library whose descriptor a plugin author got wrong: refused with the
// field named, and never loaded (the factory would abort).
#include <docconv/plugin_export.hpp>

#include <cstdlib>

namespace {

class BadDescriptorPlugin final : public docconv::Plugin {
 public:
  BadDescriptorPlugin() { std::abort(); }
};

}  // namespace

DOCCONV_PLUGIN(BadDescriptorPlugin,
               R"json({"name": "bad-descriptor", "kind": "writer", "version": "1.0",
                   "extension": [".bad"]})json")
