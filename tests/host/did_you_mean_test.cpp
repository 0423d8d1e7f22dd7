#include "host/did_you_mean.hpp"

#include <catch2/catch.hpp>

using docconv::host::closest_name;
using docconv::host::did_you_mean;
using docconv::host::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, replacements and swaps") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("epub", "epub") == 0);
  CHECK(edit_distance("EPUB", "epub") == 0);  // case is not a mistake worth counting
  CHECK(edit_distance("conver", "convert") == 1);
  CHECK(edit_distance("epbu", "epub") == 1);  // two neighbours swapped
  CHECK(edit_distance("--titel", "--title") == 1);
  CHECK(edit_distance("markdwn", "markdown") == 1);
  CHECK(edit_distance("tie", "tei") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("the closest name is suggested only when it is close") {
  const std::vector<std::string> writers{"epub", "markdown", "pandoc-json", "tei"};
  CHECK(closest_name("epbu", writers) == "epub");
  CHECK(closest_name("mardown", writers) == "markdown");
  CHECK(closest_name("pandoc_json", writers) == "pandoc-json");
  CHECK(closest_name("docx", writers).empty());  // two edits in four letters: a guess
  CHECK(closest_name("no-such", writers).empty());
  CHECK(closest_name("", writers).empty());
  CHECK(did_you_mean("epbu", writers) == "; did you mean 'epub'?");
  CHECK(did_you_mean("html", writers).empty());
  CHECK(closest_name("ab", {"ax", "ay"}) == "ax");  // the first of equally close ones
  CHECK(closest_name("x", {}).empty());
}
