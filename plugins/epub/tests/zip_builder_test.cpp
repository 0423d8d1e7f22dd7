// ZipBuilder on its own: entries survive the close-and-reopen that bounds
// memory, in order, with their compression and time stamp.
#include "zip_builder.hpp"
#include "epub_book.hpp"

#include <zip.h>
#include <catch2/catch.hpp>

#include <sstream>

using docconv::epub::DosTime;
using docconv::epub::ZipBuilder;
using docconv::epub_test::ZipReader;

TEST_CASE("ZipBuilder keeps every entry across flushes") {
  const DosTime stamp{0x6000, 0x4B21};
  ZipBuilder builder(stamp, 1024);  // flush after every couple of entries
  builder.add_stored("mimetype", "application/epub+zip");
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) {
    names.push_back("EPUB/text/page-" + std::to_string(i) + ".xhtml");
    builder.add_deflated(names.back(), std::string(700, static_cast<char>('a' + i % 26)));
  }
  std::ostringstream out;
  builder.write_to(out);

  const std::string bytes = out.str();
  const ZipReader archive(bytes);
  const auto entries = archive.entries();
  REQUIRE(entries.size() == 41);
  CHECK(entries[0].name == "mimetype");
  CHECK(entries[0].compression == ZIP_CM_STORE);
  for (std::size_t i = 0; i < names.size(); ++i) {
    CHECK(entries[i + 1].name == names[i]);
    CHECK(entries[i + 1].compression == ZIP_CM_DEFLATE);
    CHECK(archive.read(names[i]) == std::string(700, static_cast<char>('a' + i % 26)));
  }
  for (const auto& [time, date] : docconv::epub_test::central_dos_stamps(bytes)) {
    CHECK(time == stamp.time);
    CHECK(date == stamp.date);
  }
}
