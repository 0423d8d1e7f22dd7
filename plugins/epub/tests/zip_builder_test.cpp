// ZipBuilder and Spool on their own: entries written straight into the
// output stream, in order, with their compression and time stamp; their
// data kept on disk, not in memory, until then.
#include "zip_builder.hpp"
#include "deflate.hpp"
#include "epub_book.hpp"
#include "spool.hpp"

#include <malloc.h>
#include <zip.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>
#include <sstream>

using docconv::epub::Deflater;
using docconv::epub::DosTime;
using docconv::epub::Spool;
using docconv::epub::ZipBuilder;
using docconv::epub_test::ZipReader;

namespace {

std::string page_text(int i) {
  std::string text;
  for (int line = 0; line < 20; ++line)
    text += "<p>Entry " + std::to_string(i) + ", line " + std::to_string(line) + "</p>\n";
  return text;
}

// Bytes deflate cannot shrink, so that the spool holds as much as was added.
std::string noise(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random());
  return bytes;
}

}  // namespace

TEST_CASE("ZipBuilder writes every kind of entry in order into the stream") {
  const DosTime stamp{0x6000, 0x4B21};
  std::ostringstream out;
  std::string streamed;  // longer than a piece (64 KiB), emitted in small parts
  {
    ZipBuilder builder(out, stamp);
    builder.add_stored("mimetype", "application/epub+zip");
    builder.add_deflated("deflated.xhtml", page_text(1));
    Deflater deflater;
    builder.add_compressed("compressed.xhtml", deflater.deflate(page_text(2)));
    builder.add_deflated_stream("streamed.xml", [&](const ZipBuilder::Emit& emit) {
      for (int i = 0; i < 400; ++i) {
        const std::string part = page_text(i);
        streamed += part;
        emit(part);
      }
    });
    // Larger than the output's buffer (256 KiB): libzip's seek back to its
    // header leaves the buffer.
    builder.add_stored("image.png", noise(600 * 1024, 1));
    builder.add_deflated("empty.txt", "");
    builder.finish();
  }
  REQUIRE(streamed.size() > 3 * 64 * 1024);

  const std::string bytes = out.str();
  const ZipReader archive(bytes);  // opened with ZIP_CHECKCONS
  const auto entries = archive.entries();
  REQUIRE(entries.size() == 6);
  const std::vector<std::pair<std::string, int>> expected{
      {"mimetype", ZIP_CM_STORE},           {"deflated.xhtml", ZIP_CM_DEFLATE},
      {"compressed.xhtml", ZIP_CM_DEFLATE}, {"streamed.xml", ZIP_CM_DEFLATE},
      {"image.png", ZIP_CM_STORE},          {"empty.txt", ZIP_CM_DEFLATE}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(entries[i].name == expected[i].first);
    CHECK(entries[i].compression == expected[i].second);
    CHECK(entries[i].local_extra_fields == 0);
  }
  // The EPUB container format: `mimetype` is the first local header's name.
  CHECK(bytes.substr(30, 8) == "mimetype");
  CHECK(bytes.substr(38, 20) == "application/epub+zip");
  CHECK(archive.read("deflated.xhtml") == page_text(1));
  CHECK(archive.read("compressed.xhtml") == page_text(2));
  CHECK(archive.read("streamed.xml") == streamed);
  CHECK(archive.read("image.png") == noise(600 * 1024, 1));
  CHECK(archive.read("empty.txt").empty());
  for (const auto& [time, date] : docconv::epub_test::central_dos_stamps(bytes)) {
    CHECK(time == stamp.time);
    CHECK(date == stamp.date);
  }
}

TEST_CASE("ZipBuilder writes nothing unless finished, and the same bytes every time") {
  const auto build = [](bool finish) {
    std::ostringstream out;
    ZipBuilder builder(out, DosTime{});
    for (int i = 0; i < 50; ++i) builder.add_deflated("page-" + std::to_string(i), page_text(i));
    if (finish) builder.finish();
    return out.str();
  };
  CHECK(build(false).empty());
  const std::string first = build(true);
  CHECK_FALSE(first.empty());
  CHECK(build(true) == first);
}

TEST_CASE("ZipBuilder reports an output that cannot be written") {
  std::ostringstream out;
  ZipBuilder builder(out, DosTime{});
  builder.add_deflated("page.xhtml", page_text(1));
  out.setstate(std::ios::badbit);  // as a full disk leaves a file stream
  CHECK_THROWS_WITH(builder.finish(), Catch::StartsWith("cannot build the EPUB archive: writing"));
}

TEST_CASE("ZipBuilder keeps entries' data in its spool, not in memory") {
  // 24 MiB of incompressible entries: held in memory, they would show in the
  // heap; spooled, the heap holds only libzip's list of 1,536 names.
  std::ostringstream out;
  ZipBuilder builder(out, DosTime{});
  const std::size_t heap_before = mallinfo2().uordblks;
  for (unsigned i = 0; i < 1536; ++i)
    builder.add_deflated("entry-" + std::to_string(i), noise(16 * 1024, i));
  const std::size_t heap_after = mallinfo2().uordblks;
  CHECK(heap_after < heap_before + 4 * 1024 * 1024);
  builder.finish();
  CHECK(out.str().size() > 24 * 1024 * 1024);
  const ZipReader archive(out.str());
  CHECK(archive.read("entry-1535") == noise(16 * 1024, 1535));
}

TEST_CASE("Spool gives back what was appended, in pieces") {
  Spool spool;
  CHECK(spool.append("hello ") == 0);
  CHECK(spool.append("world") == 6);
  std::string five(5, '\0');
  CHECK(spool.read(6, five.data(), 5) == 5);
  CHECK(five == "world");
  CHECK(spool.read(9, five.data(), 5) == 2);  // the end of the file
  const std::string large = noise(200 * 1024, 7);
  spool.append(large);
  std::string direct(large.size() + 100, '\0');  // one read larger than the read-ahead window
  CHECK(spool.read(11, direct.data(), direct.size()) == large.size());
  CHECK(direct.substr(0, large.size()) == large);
  std::string all;
  spool.read_all([&](std::string_view piece) {
    CHECK(piece.size() <= 64 * 1024);
    all += piece;
  });
  CHECK(all == "hello world" + large);
}
