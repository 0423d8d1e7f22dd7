// Test helpers: run the epub writer in memory, open the result with libzip,
// parse its XML with pugixml, run EPUBCheck.
#pragma once

#include <docconv/model.hpp>
#include <docconv/plugin.hpp>

#include <pugixml.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

struct zip;  // libzip's archive handle

namespace docconv::epub_test {

/// The epub writer's output for `collection` with `options`; warnings go to
/// `warnings`. `jobs` is the writer's WriteContext::jobs (-j).
std::string write_epub(const Collection& collection, const OptionValues& options = {},
                       std::vector<std::string>* warnings = nullptr, std::size_t jobs = 1);

/// One entry of a zip archive as its central directory describes it.
struct ZipEntry {
  std::string name;
  std::uint16_t compression = 0;  ///< ZIP_CM_STORE (0) or ZIP_CM_DEFLATE (8).
  int local_extra_fields = 0;
  int central_extra_fields = 0;
};

/// A zip archive read from memory with libzip.
class ZipReader {
 public:
  explicit ZipReader(const std::string& bytes);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  std::vector<ZipEntry> entries() const;
  bool contains(const std::string& name) const;
  std::string read(const std::string& name) const;

 private:
  std::string bytes_;
  ::zip* archive_ = nullptr;
};

/// The MS-DOS time and date of every entry, read from the archive's central
/// directory (libzip 1.7 has no getter that does not convert to local time).
std::vector<std::pair<std::uint16_t, std::uint16_t>> central_dos_stamps(const std::string& bytes);

/// Parses `xml`; fails the test when it is not well-formed.
void parse_xml(pugi::xml_document& document, const std::string& xml, const std::string& what);

/// Text content of an element and its descendants, white space collapsed.
std::string text_of(pugi::xml_node node);

/// The XHTML pages of the book's spine, in reading order, as package-relative paths.
std::vector<std::string> spine_documents(const ZipReader& book);

/// Result of one EPUBCheck run.
struct Validation {
  std::filesystem::path file;
  int exit_code = -1;
  std::string output;
  std::vector<std::string> problems;  ///< Lines with WARNING, ERROR or FATAL.
};

/// Runs EPUBCheck on every file, two at a time (each run starts a JVM).
std::vector<Validation> epubcheck(const std::vector<std::filesystem::path>& files);

}  // namespace docconv::epub_test
