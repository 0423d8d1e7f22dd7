// Shared by the libFuzzer harnesses: the project's plugins, documents built
// from fuzzer bytes, and a failure that libFuzzer records as a crash.
#pragma once

#include "host/registry.hpp"

#include <docconv/model.hpp>
#include <docconv/testing.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <string_view>

namespace docconv::fuzz {

/// A plugin of the build tree; aborts when it is missing (the harness cannot run).
const host::PluginEntry& project_plugin(std::string_view name, PluginKind kind);

/// A collection of 0 to 4 documents of 0 to 8 blocks, made by the tests'
/// DocumentGenerator (tests/support/sample_documents.hpp) with the choices
/// taken from `data`: every block kind, any bytes in every string.
Collection make_collection(FuzzedDataProvider& data);

/// The project's writer `name` run over `collection` as the host runs it
/// (host::write_collection); a writer that throws is a failure (fail()).
testing::WriterRun write_or_fail(std::string_view name, const Collection& collection,
                                 bool split = false, const OptionValues& options = {});

/// Prints what went wrong and the output that shows it, then aborts, so that
/// libFuzzer saves the input as a crash.
[[noreturn]] void fail(std::string_view what, std::string_view output = {});

}  // namespace docconv::fuzz
