#include "epub_book.hpp"

#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <zip.h>
#include <catch2/catch.hpp>
#include <docconv/text.hpp>

#include <future>
#include <stdexcept>

namespace docconv::epub_test {
namespace {

const host::PluginEntry& epub_writer() {
  const auto* plugin = test::project_plugins().find("epub", PluginKind::writer);
  if (plugin == nullptr) throw std::runtime_error("the epub plugin was not found in build/plugins");
  return *plugin;
}

}  // namespace

std::string write_epub(const Collection& collection, const OptionValues& options,
                       std::vector<std::string>* warnings, std::size_t jobs) {
  docconv::testing::MemorySink sink;
  test::CollectingDiagnostics diagnostics;
  host::write_collection(epub_writer(), collection, sink, options, diagnostics, jobs);
  if (warnings != nullptr) *warnings = std::move(diagnostics.warnings);
  return sink.text();
}

ZipReader::ZipReader(const std::string& bytes) : bytes_(bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
  if (source != nullptr)
    archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    if (source != nullptr) zip_source_free(source);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw std::runtime_error("not a zip archive: " + message);
  }
  zip_error_fini(&error);
}

ZipReader::~ZipReader() {
  zip_discard(archive_);
}

std::vector<ZipEntry> ZipReader::entries() const {
  std::vector<ZipEntry> entries;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, index, 0, &stat) != 0) throw std::runtime_error("zip_stat failed");
    ZipEntry entry;
    entry.name = stat.name;
    entry.compression = static_cast<std::uint16_t>(stat.comp_method);
    entry.local_extra_fields = zip_file_extra_fields_count(archive_, index, ZIP_FL_LOCAL);
    entry.central_extra_fields = zip_file_extra_fields_count(archive_, index, ZIP_FL_CENTRAL);
    entries.push_back(entry);
  }
  return entries;
}

bool ZipReader::contains(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

std::string ZipReader::read(const std::string& name) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive_, name.c_str(), 0, &stat) != 0)
    throw std::runtime_error("no entry " + name + " in the archive");
  zip_file_t* file = zip_fopen(archive_, name.c_str(), 0);
  if (file == nullptr) throw std::runtime_error("cannot open entry " + name);
  std::string data(stat.size, '\0');
  const zip_int64_t got = zip_fread(file, data.data(), data.size());
  zip_fclose(file);
  if (got != static_cast<zip_int64_t>(data.size()))
    throw std::runtime_error("short read of " + name);
  return data;
}

std::vector<std::pair<std::uint16_t, std::uint16_t>> central_dos_stamps(const std::string& bytes) {
  const auto u16 = [&](std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes.at(at)) |
                                      static_cast<unsigned char>(bytes.at(at + 1)) << 8);
  };
  const auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(u16(at)) | static_cast<std::uint32_t>(u16(at + 2)) << 16;
  };
  const std::size_t end_record = bytes.rfind(std::string("PK\x05\x06", 4));
  if (end_record == std::string::npos) throw std::runtime_error("no end of central directory");
  const std::size_t count = u16(end_record + 10);
  std::size_t at = u32(end_record + 16);
  std::vector<std::pair<std::uint16_t, std::uint16_t>> stamps;
  for (std::size_t i = 0; i < count; ++i) {
    if (bytes.compare(at, 4, std::string("PK\x01\x02", 4)) != 0)
      throw std::runtime_error("bad central directory header");
    stamps.emplace_back(u16(at + 12), u16(at + 14));
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  return stamps;
}

void parse_xml(pugi::xml_document& document, const std::string& xml, const std::string& what) {
  const pugi::xml_parse_result parsed = document.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata);
  INFO(what << ": " << parsed.description() << " at offset " << parsed.offset);
  REQUIRE(parsed);
}

std::string text_of(pugi::xml_node node) {
  std::string text;
  for (const pugi::xpath_node& piece : node.select_nodes(".//text()")) text += piece.node().value();
  return collapse_whitespace(text);
}

std::vector<std::string> spine_documents(const ZipReader& book) {
  pugi::xml_document container;
  parse_xml(container, book.read("META-INF/container.xml"), "container.xml");
  const std::string opf_path =
      container.select_node("//*[local-name()='rootfile']").node().attribute("full-path").value();
  const std::string folder = opf_path.substr(0, opf_path.rfind('/') + 1);
  pugi::xml_document opf;
  parse_xml(opf, book.read(opf_path), opf_path);
  std::vector<std::string> pages;
  for (const auto& ref : opf.select_nodes("/package/spine/itemref")) {
    const std::string idref = ref.node().attribute("idref").value();
    const pugi::xml_node item =
        opf.select_node(("/package/manifest/item[@id='" + idref + "']").c_str()).node();
    pages.push_back(folder + item.attribute("href").value());
  }
  return pages;
}

std::vector<Validation> epubcheck(const std::vector<std::filesystem::path>& files) {
  const auto check = [](const std::filesystem::path& file) {
    const test::RunResult run =
        test::run("/usr/bin/java", {"-jar", "/usr/share/java/epubcheck.jar", file.string()});
    Validation validation{file, run.exit_code, run.out + run.err, {}};
    for (const auto& line : test::lines(validation.output))
      if (line.find("WARNING") != std::string::npos || line.find("ERROR") != std::string::npos ||
          line.find("FATAL") != std::string::npos)
        validation.problems.push_back(line);
    return validation;
  };
  std::vector<Validation> results;
  for (std::size_t i = 0; i < files.size(); i += 2) {
    auto first = std::async(std::launch::async, check, files[i]);
    if (i + 1 < files.size()) {
      Validation second = check(files[i + 1]);
      results.push_back(first.get());
      results.push_back(std::move(second));
    } else {
      results.push_back(first.get());
    }
  }
  return results;
}

}  // namespace docconv::epub_test
