// Libraries that attack the host the ways issue #15 found, for
// tests/robustness/plugin_loading_test.cpp. Built once per attack:
//   HOSTILE_EXIT_ON_LOAD: ends the process with exit(0) as soon as the
//     library is loaded; a host that loads it for `--version` says nothing.
//   HOSTILE_DATA_ENTRY: a valid descriptor, but `docconv_plugin` exported as
//     plain data; a host that calls it jumps into a string.
//   HOSTILE_SHARED_OPTION: a writer declaring --encoding, an option of the
//     news-text reader; CLI11 throws when one option is added twice.
#include <docconv/plugin_export.hpp>

#include <cstdlib>

#ifdef HOSTILE_EXIT_ON_LOAD

namespace {

[[gnu::constructor]] void end_the_process() {
  std::exit(0);
}

class ExitOnLoadPlugin final : public docconv::Plugin {};

}  // namespace

DOCCONV_PLUGIN(ExitOnLoadPlugin, R"json({"name": "exit-on-load", "kind": "writer", "version": "1.0",
                                     "extensions": [".exit"]})json")

#elif defined(HOSTILE_SHARED_OPTION)

namespace {

class SharedOptionPlugin final : public docconv::Plugin {};

}  // namespace

DOCCONV_PLUGIN(SharedOptionPlugin, R"json({
  "name": "shared-option", "kind": "writer", "version": "1.0", "extensions": [".shared"],
  "options": [{"name": "encoding", "value_name": "NAME", "help": "Also a reader's option"}]
})json")

#else

DOCCONV_PLUGIN_DESCRIPTOR(R"json({"name": "data-entry", "kind": "writer", "version": "1.0",
                              "extensions": [".data"]})json")

extern "C" BOOST_SYMBOL_EXPORT const char docconv_plugin[] = "not code at all";

#endif
