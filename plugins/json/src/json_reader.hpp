// The `json` reader: documents back from the JSON of `docconv inspect`.
#pragma once

#include <docconv/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::json {

/// Reads {"model_version": N, "documents": [...]} as `docconv inspect`
/// writes it. Every field may be left out (it keeps its default); a member
/// the model has no field for is ignored with one warning per input; a field
/// of the wrong type, an unknown block type or a document of another model
/// version is an Error that names the JSON path ("documents[0].blocks[3].level").
class JsonReader final : public Reader {
 public:
  std::vector<Document> read(const Input& input, const ReadContext& ctx) override;
};

/// What a model JSON holds.
struct ModelJson {
  std::vector<Document> documents;
  std::vector<std::string> ignored;  ///< Paths of members the model has no field for.
};

/// The documents of `json_text`, read as JsonReader::read does (which warns
/// once, naming the ignored members).
ModelJson read_model_json(std::string_view json_text);

/// 100 when `head` starts (after white space) an object with a
/// "model_version" key, as inspect writes it first; 50 for another JSON
/// object; 0 otherwise. The plugin claims no extension: in a folder of
/// dumps, other programs' .json files are skipped like any file no reader
/// takes by extension, and a .json file named on the command line is
/// recognised by this probe.
int probe_model_json(std::string_view head);

}  // namespace docconv::json
