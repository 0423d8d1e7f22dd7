// The EPUB writer fed documents built from fuzzer bytes: the book must open
// as a zip with the mimetype first and stored, and every XHTML, package and
// navigation file in it must be well-formed XML made only of characters XML
// allows. The writer must not throw on any model.
#include "fuzz_support.hpp"

#include "support.hpp"

#include <docconv/text.hpp>

#include <zip.h>
#include <pugixml.hpp>

#include <exception>
#include <memory>

using docconv::fuzz::fail;

namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};

bool ends_with_any(const std::string& name, std::initializer_list<std::string_view> endings) {
  for (const auto ending : endings)
    if (name.ends_with(ending)) return true;
  return false;
}

std::string read_entry(zip_t* archive, zip_uint64_t index, const std::string& book) {
  zip_stat_t stat;
  if (zip_stat_index(archive, index, 0, &stat) != 0) fail("cannot stat an entry", book);
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(archive, index, 0));
  if (!file) fail(std::string("cannot open entry ") + stat.name, book);
  std::string bytes(stat.size, '\0');
  if (zip_fread(file.get(), bytes.data(), bytes.size()) != static_cast<zip_int64_t>(stat.size))
    fail(std::string("cannot read entry ") + stat.name, book);
  return bytes;
}

void check_book(const std::string& book) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(book.data(), book.size(), 0, &error);
  if (source == nullptr) fail("zip_source_buffer_create failed");
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    fail(std::string("the EPUB is not a zip archive: ") + zip_error_strerror(&error));
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  if (count < 3) fail("the EPUB has fewer than 3 entries");
  const char* first = zip_get_name(archive.get(), 0, 0);
  if (first == nullptr || std::string_view(first) != "mimetype") fail("mimetype is not first");
  if (read_entry(archive.get(), 0, book) != "application/epub+zip") fail("wrong mimetype");
  int xml_files = 0;
  for (zip_int64_t index = 0; index < count; ++index) {
    const std::string name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(index), 0);
    if (!ends_with_any(name, {".xhtml", ".opf", ".ncx", ".xml"})) continue;
    ++xml_files;
    const std::string xml = read_entry(archive.get(), static_cast<zip_uint64_t>(index), book);
    if (!docconv::is_xml_safe(xml)) fail(name + ": not XML-safe UTF-8", xml);
    pugi::xml_document document;
    const auto parsed =
        document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) fail(name + ": not well-formed: " + parsed.description(), xml);
  }
  if (xml_files < 3) fail("the EPUB lacks its container, package or pages");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("epub", docconv::PluginKind::writer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const auto collection = docconv::fuzz::make_collection(provider);
  if (collection.documents.empty()) return 0;  // the host never starts a writer without one
  const auto written = docconv::fuzz::write_or_fail("epub", collection);
  check_book(written.text);
  return 0;
}
