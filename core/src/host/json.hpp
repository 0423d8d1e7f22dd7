// Private to the docconv host: JSON views of the model and of the registry.
#pragma once

#include "host/registry.hpp"

#include <docconv/model.hpp>

#include <string>
#include <vector>

namespace docconv::host {

/// `docconv inspect`: {"model_version": N, "documents": [...]}, pretty-printed.
std::string inspect_json(const std::vector<Document>& documents);

/// `docconv plugins --json`.
std::string plugins_json(const PluginRegistry& registry);

}  // namespace docconv::host
