// The `tei` writer plugin: its description and export.
#include "tei_writer.hpp"

#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

namespace docconv::tei {

class TeiPlugin final : public Plugin {
 public:
  std::unique_ptr<Writer> make_writer() const override { return std::make_unique<TeiWriter>(); }
};

}  // namespace docconv::tei

DOCCONV_PLUGIN(docconv::tei::TeiPlugin, R"json({
  "name": "tei",
  "kind": "writer",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "TEI P5 XML for archiving: a teiCorpus of articles, valid against tei_all",
  "aliases": ["tei-xml", "xml"],
  "extensions": [".tei.xml", ".xml"],
  "supports_split": true,
  "options": [
    {"name": "licence", "value_name": "TEXT",
     "help": "Licence of the TEI files (publicationStmt/availability/licence)"},
    {"name": "licence-url", "value_name": "URL",
     "help": "Link to the licence text (licence/@target)"},
    {"name": "publisher", "value_name": "NAME",
     "help": "Who produced the TEI files (publicationStmt/publisher)"}
  ]
})json")
