// Finding a dateline's place and date as the source wrote them, in the
// scripts and date forms of the languages news dumps come in.

#include "dateline_parts.hpp"

#include <catch2/catch.hpp>

#include <string>

using docconv::PartialDate;
using docconv::tei::find_in_any_case;
using docconv::tei::find_written_date;

namespace {

// What `find` marks in `text`, or "" when nothing.
template <class Found>
std::string marked(std::string_view text, Found found) {
  return found ? std::string(text.substr(found->at, found->size)) : std::string();
}

std::string date_in(std::string_view text, PartialDate date) {
  return marked(text, find_written_date(text, date, 0, docconv::Phrases::of("en")));
}

}  // namespace

TEST_CASE("a place is found whatever the case of its Latin, Greek or Cyrillic letters") {
  CHECK(marked("МОСКВА, 5 июн", find_in_any_case("МОСКВА, 5 июн", "Москва", 0)) == "МОСКВА");
  CHECK(marked("САНКТ-ПЕТЕРБУРГ, 2 фев",
               find_in_any_case("САНКТ-ПЕТЕРБУРГ, 2 фев", "Санкт-Петербург", 0)) ==
        "САНКТ-ПЕТЕРБУРГ");
  CHECK(marked("ΑΘΗΝΑ, 3 Μαΐου", find_in_any_case("ΑΘΗΝΑ, 3 Μαΐου", "Αθηνα", 0)) == "ΑΘΗΝΑ");
  CHECK(marked("MÜNCHEN, 5. Juni", find_in_any_case("MÜNCHEN, 5. Juni", "München", 0)) ==
        "MÜNCHEN");
  CHECK(marked("KYIV, June 5", find_in_any_case("KYIV, June 5", "Kyiv", 0)) == "KYIV");
  CHECK(marked("ŁÓDŹ, 5 czerwca", find_in_any_case("ŁÓDŹ, 5 czerwca", "Łódź", 0)) == "ŁÓDŹ");
  CHECK(marked("GDAŃSK (PAP)", find_in_any_case("GDAŃSK (PAP)", "Gdańsk", 0)) == "GDAŃSK");
  CHECK_FALSE(find_in_any_case("Ł", "Ń", 0));
  CHECK(marked("ΑΘΗΝΑ, 3 Μαΐου", find_in_any_case("ΑΘΗΝΑ, 3 Μαΐου", "Αθήνα", 0)) == "ΑΘΗΝΑ");
  CHECK(marked("ҐОРҐАНИ", find_in_any_case("ҐОРҐАНИ", "Ґорґани", 0)) == "ҐОРҐАНИ");
  CHECK_FALSE(find_in_any_case("МОСКВА, 5 июн", "Киев", 0));
  CHECK_FALSE(find_in_any_case("МОСКВА", "", 0));
  // From a position on: the agency after the date, not a word before it.
  CHECK_FALSE(find_in_any_case("TASS, Moscow", "tass", 1));
}

TEST_CASE("a date is found as written: day and month word in either order, the year after") {
  CHECK(date_in("МОСКВА, 19 августа. /ТАСС/.", {0, 8, 19}) == "19 августа");
  CHECK(date_in("МОСКВА, 5 июн — РИА Новости.", {2025, 6, 5}) == "5 июн");
  CHECK(date_in("BERLIN, 5. Juni 2017 (dpa)", {2017, 6, 5}) == "5. Juni 2017");
  CHECK(date_in("PARIS, 5 juin (AFP)", {0, 6, 5}) == "5 juin");
  CHECK(date_in("MADRID, 5 de junio de 2017", {2017, 6, 5}) == "5 de junio");
  CHECK(date_in("MOSCOW, June 5. /TASS/.", {0, 6, 5}) == "June 5");
  CHECK(date_in("MOSCOW, Jun. 5, 2017 (Reuters)", {2017, 6, 5}) == "Jun. 5, 2017");
  CHECK(date_in("WARSZAWA, 5 cze. (PAP)", {0, 6, 5}) == "5 cze.");
}

TEST_CASE("a date is found in the article's language as its table writes it") {
  const std::string_view text = "WARSZAWA, 5 czerwca 2017 (PAP)";
  const auto found = find_written_date(text, {2017, 6, 5}, 0, docconv::Phrases::of("pl"));
  CHECK(marked(text, found) == "5 czerwca 2017");
  // Whatever the table's language, the day and its word are found.
  CHECK(date_in("PARIS, 1er juin (AFP)", {0, 6, 1}).empty());  // "1er" is not the number 1 alone
  CHECK(marked("PARIS, 1er juin (AFP)", find_written_date("PARIS, 1er juin (AFP)", {0, 6, 1}, 0,
                                                          docconv::Phrases::of("fr"))) ==
        "1er juin");
}

TEST_CASE("a full stop after a whole month's name is the sentence's, after a cut one the date's") {
  const PartialDate june5{2025, 6, 5};
  const docconv::Phrases& russian = docconv::Phrases::of("ru");
  const std::string_view whole = "МОСКВА, 5 июня. /ТАСС/.";
  CHECK(marked(whole, find_written_date(whole, {0, 6, 5}, 0, russian)) == "5 июня");
  CHECK(marked(whole, find_written_date(whole, june5, 0, russian)) == "5 июня");
  CHECK(date_in("BERLIN, 5. Mai. (dpa)", {0, 5, 5}) == "5. Mai");
  CHECK(date_in("МОСКВА, 5 авг. /ТАСС/", {0, 8, 5}) == "5 авг.");
  CHECK(date_in("WARSZAWA, 5 maja. (PAP)", {0, 5, 5}) == "5 maja");
}

TEST_CASE("a date's written form is not found inside a longer number") {
  CHECK(date_in("MOSCOW, June 15 (TASS)", {0, 6, 1}).empty());
  const std::string_view text = "МОСКВА, 15 июня. /ТАСС/.";
  CHECK_FALSE(find_written_date(text, {0, 6, 5}, 0, docconv::Phrases::of("ru")));
}

TEST_CASE("a date is not made up from a number that is not its day or has no word beside it") {
  CHECK(date_in("MOSCOW, 15 June", {0, 6, 5}).empty());     // 5 only inside 15
  CHECK(date_in("MOSCOW, 5 — TASS", {0, 6, 5}).empty());    // no month word next to it
  CHECK(date_in("MOSCOW (Sputnik) —", {0, 6, 5}).empty());  // no day at all
  CHECK(date_in("МОСКВА, июнь", {0, 6, 0}).empty());        // no day to find it by
}
