#include "host/output.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace docconv;
using docconv::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a committed output replaces the file in one step") {
  TempDir folder;
  const auto target = folder / "out.txt";
  test::write_file(target, "old");
  {
    host::AtomicFileSink sink(target, false);
    sink.stream() << "new";
    CHECK(test::read_file(target) == "old");  // not visible before commit
    sink.commit();
    CHECK(sink.files_written() == 1);
  }
  CHECK(test::read_file(target) == "new");
  CHECK(docconv::test::file_names(folder.path()) == std::vector<std::string>{"out.txt"});
}

TEST_CASE("an output synced while it is made (over 8 MiB) commits whole") {
  TempDir folder;
  const auto target = folder / "big.txt";
  std::string expected;
  {
    host::AtomicFileSink sink(target, false);
    for (std::size_t i = 0; i < 300'000; ++i) {
      const std::string line = std::to_string(i * 7919) + " a line of the output\n";
      sink.stream() << line;
      expected += line;
    }
    sink.commit();
  }
  REQUIRE(expected.size() > 8 * 1024 * 1024);
  CHECK(test::read_file(target) == expected);
}

TEST_CASE("a large output abandoned while it is synced leaves the old file and no temporary") {
  TempDir folder;
  const auto target = folder / "big.txt";
  test::write_file(target, "old");
  {
    host::AtomicFileSink sink(target, false);
    const std::string block(1024 * 1024, 'x');
    for (int i = 0; i < 20; ++i) sink.stream() << block;
  }
  CHECK(test::read_file(target) == "old");
  CHECK(docconv::test::file_names(folder.path()) == std::vector<std::string>{"big.txt"});
}

TEST_CASE("an output that is not committed leaves the old file and no temporary") {
  TempDir folder;
  const auto target = folder / "out.txt";
  test::write_file(target, "old");
  {
    host::AtomicFileSink sink(target, false);
    sink.stream() << "half-written";
  }
  CHECK(test::read_file(target) == "old");
  CHECK(docconv::test::file_names(folder.path()) == std::vector<std::string>{"out.txt"});
}

TEST_CASE("split outputs appear all together at commit") {
  TempDir folder;
  const auto target = folder / "parts";
  {
    host::AtomicFileSink sink(target, true);
    sink.open_part("0001-a.md") << "A";
    sink.open_part("0002-b.md") << "B";
    CHECK(docconv::test::file_names(target).size() == 2);  // two temporaries, hidden names
    for (const auto& name : docconv::test::file_names(target)) CHECK(name.front() == '.');
    sink.commit();
  }
  CHECK(docconv::test::file_names(target) == std::vector<std::string>{"0001-a.md", "0002-b.md"});
  CHECK(test::read_file(target / "0002-b.md") == "B");
}

TEST_CASE("a failed split run removes the folder it created") {
  TempDir folder;
  {
    host::AtomicFileSink sink(folder / "parts", true);
    sink.open_part("0001-a.md") << "A";
  }
  CHECK_FALSE(fs::exists(folder / "parts"));
}

TEST_CASE("unsafe part names from a writer are refused") {
  TempDir folder;
  host::AtomicFileSink sink(folder / "parts", true);
  CHECK_THROWS_AS(sink.open_part("../escape.md"), Error);
  CHECK_THROWS_AS(sink.open_part("a/b.md"), Error);
  CHECK_THROWS_AS(sink.open_part(".hidden"), Error);
  CHECK_THROWS_AS(sink.open_part(""), Error);
  sink.open_part("ok.md");
  CHECK_THROWS_AS(sink.open_part("ok.md"), Error);
}

TEST_CASE("outputs in missing folders fail before anything is written") {
  TempDir folder;
  CHECK_THROWS_WITH(host::AtomicFileSink(folder / "missing" / "out.txt", false),
                    Catch::Contains("does not exist"));
  CHECK_THROWS_WITH(host::AtomicFileSink(folder.path(), false), Catch::Contains("is a folder"));
}

namespace {

// A target that counts how often it is written to, and can refuse to take more.
class CountingTarget final : public std::stringbuf {
 public:
  std::size_t writes = 0;
  bool full = false;

 protected:
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    ++writes;
    return full ? 0 : std::stringbuf::xsputn(data, size);
  }
};

}  // namespace

TEST_CASE("the output buffer gathers writes into large pieces and keeps their order") {
  CountingTarget target;
  host::CoalescingBuffer pieces(target, 1024);
  std::ostream out(&pieces);
  std::string expected;
  for (int i = 0; i < 300; ++i) {
    const std::string piece = std::string(static_cast<std::size_t>(i % 37), 'a' + i % 26) + "\n";
    out << piece;
    expected += piece;
  }
  const std::string large(5000, 'L');  // larger than the buffer: passed on whole
  out << large << 'x';
  expected += large + "x";
  CHECK(target.str().size() < expected.size());  // the tail still waits
  out.flush();
  CHECK(target.str() == expected);
  CHECK(target.writes <= expected.size() / 1024 + 2);
}

TEST_CASE("the output buffer tells its hook every byte that reached the target") {
  CountingTarget target;
  host::CoalescingBuffer pieces(target, 1024);
  std::size_t drained = 0, calls = 0;
  pieces.on_drain([&](std::size_t bytes) {
    drained += bytes;
    ++calls;
  });
  std::ostream out(&pieces);
  for (int i = 0; i < 500; ++i) out << std::string(static_cast<std::size_t>(i % 50), 'x');
  out << std::string(4096, 'L');  // larger than the buffer: passed on whole
  out.flush();
  CHECK(drained == target.str().size());
  CHECK(calls == target.writes);
}

TEST_CASE("the output buffer tells and seeks where the writer expects (libzip seeks back)") {
  std::stringbuf target;
  host::CoalescingBuffer pieces(target, 64);
  std::ostream out(&pieces);
  out << "header:????;";
  CHECK(out.tellp() == std::streampos(12));
  out << std::string(100, 'b') << "end";
  CHECK(out.tellp() == std::streampos(115));
  out.seekp(7);
  out << "1234";
  out.seekp(0, std::ios_base::end);
  out << "!";
  out.flush();
  CHECK(target.str() == "header:1234;" + std::string(100, 'b') + "end!");
}

TEST_CASE("the output buffer reports a target that takes nothing") {
  CountingTarget target;
  target.full = true;
  host::CoalescingBuffer pieces(target, 16);
  std::ostream out(&pieces);
  out << std::string(40, 'z');
  out.flush();
  CHECK_FALSE(out.good());
}
