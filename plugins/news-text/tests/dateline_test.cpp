// Unit tests of the dateline parser: the forms of the fixtures, the common
// wire-service forms, and lines that merely look a little like datelines.
#include "dateline.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace docconv::news_text;

namespace {

Dateline parse(const std::string& paragraph) {
  const auto dateline = parse_dateline(paragraph);
  INFO(paragraph);
  REQUIRE(dateline);
  return *dateline;
}

std::string rest(const std::string& paragraph) {
  return paragraph.substr(parse(paragraph).length);
}

}  // namespace

TEST_CASE("TASS datelines: MOSCOW, June 5. /TASS/.") {
  const std::string text = "MOSCOW, June 5. /TASS/. Russian Foreign Minister Sergey Lavrov said.";
  const Dateline d = parse(text);
  CHECK(d.place == "Moscow");
  CHECK(d.agency == "TASS");
  CHECK(d.month == 6);
  CHECK(d.day == 5);
  CHECK(rest(text) == " Russian Foreign Minister Sergey Lavrov said.");
  CHECK(parse("MOSCOW, February 19. /TASS/. NATO’s actions").month == 2);
}

TEST_CASE("Sputnik datelines: MOSCOW (Sputnik) — with NBSP and em dash") {
  const std::string text = "MOSCOW (Sputnik)\u00a0\u2014 The United States is using pressure.";
  const Dateline d = parse(text);
  CHECK(d.place == "Moscow");
  CHECK(d.agency == "Sputnik");
  CHECK(d.month == 0);
  CHECK(d.day == 0);
  CHECK(rest(text) == " The United States is using pressure.");
}

TEST_CASE("wire-service datelines with and without a date, any dash") {
  struct Case {
    std::string text, place, agency;
    int month, day;
  };
  const Case cases[] = {
      {"LONDON (Reuters) - Prices rose.", "London", "Reuters", 0, 0},
      {"WASHINGTON (AP) \u2014 The Senate voted.", "Washington", "AP", 0, 0},
      {"PARIS, March 3 (AFP) - Strikes spread.", "Paris", "AFP", 3, 3},
      {"BEIJING, May 2 (Xinhua) -- Trade grew.", "Beijing", "Xinhua", 5, 2},
      {"BERLIN (dpa) \u2013 Die Regierung.", "Berlin", "dpa", 0, 0},
      {"ST. PETERSBURG, Sept. 14 (Reuters) - A forum.", "St. Petersburg", "Reuters", 9, 14},
      {"RIO DE JANEIRO (AP) - Carnival.", "Rio de Janeiro", "AP", 0, 0},
      {"NEW YORK, Dec 1 (Reuters) -Stocks fell.", "New York", "Reuters", 12, 1},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto dateline = parse_dateline(c.text);
    if (c.text.find("-Stocks") != std::string::npos) {
      CHECK_FALSE(dateline);  // the dash must be followed by a space
      continue;
    }
    REQUIRE(dateline);
    CHECK(dateline->place == c.place);
    CHECK(dateline->agency == c.agency);
    CHECK(dateline->month == c.month);
    CHECK(dateline->day == c.day);
    CHECK(c.text.substr(dateline->length).starts_with(" "));
  }
}

TEST_CASE("AP datelines with a region: KYIV, Ukraine (AP) —") {
  const Dateline d = parse("KYIV, Ukraine (AP) \u2014 Air raid sirens sounded.");
  CHECK(d.place == "Kyiv");
  CHECK(d.region == "Ukraine");
  CHECK(d.agency == "AP");
}

TEST_CASE("a place in mixed case with an agency is a dateline: Paris (AFP) -") {
  CHECK(parse("Moscow (Sputnik) - Text.").place == "Moscow");
  CHECK(parse("Berlin (dpa) - Text.").agency == "dpa");
  CHECK(parse("Washington CNN \u2014 Text.").agency == "CNN");
}

TEST_CASE("what is not a dateline") {
  for (const char* text : {
           "US officials said on Monday that talks failed.",
           "MOSCOW is the capital of Russia.",
           "MOSCOW, June 5. Russian Foreign Minister said.",  // no agency
           "MOSCOW, June 31. /TASS/. No such day.",
           "MOSCOW, Juno 5. /TASS/. No such month.",
           "NATO (the alliance) grew.",  // no dash after
           "LONDON (Reuters)",           // no dash
           "A (B) - c",                  // place too short
           "",
       }) {
    INFO(text);
    CHECK_FALSE(parse_dateline(text));
  }
}

TEST_CASE("a dateline alone is still a dateline") {
  const Dateline d = parse("MOSCOW, June 5. /TASS/.");
  CHECK(d.length == std::string("MOSCOW, June 5. /TASS/.").size());
}

TEST_CASE("place names in title case") {
  CHECK(title_case_place("MOSCOW") == "Moscow");
  CHECK(title_case_place("ST. PETERSBURG") == "St. Petersburg");
  CHECK(title_case_place("BADEN-BADEN") == "Baden-Baden");
  CHECK(title_case_place("RIO DE JANEIRO") == "Rio de Janeiro");
  CHECK(title_case_place("МОСКВА") == "Москва");
}

TEST_CASE("month names and abbreviations") {
  const PhraseRules& rules = PhraseRules::defaults();
  CHECK(rules.month("June") == 6);
  CHECK(rules.month("jun") == 6);
  CHECK(rules.month("Sept") == 9);
  CHECK(rules.month("May") == 5);
  CHECK(rules.month("Ju") == 0);
  CHECK(rules.month("Juno") == 0);
  CHECK(rules.month("März") == 3);
  CHECK(rules.month("июня") == 6);
}

TEST_CASE("Russian TASS datelines, day first: МОСКВА, 5 июня. /ТАСС/.") {
  const std::string text = "МОСКВА, 5 июня. /ТАСС/. Министр иностранных дел заявил.";
  const Dateline d = parse(text);
  CHECK(d.place == "Москва");
  CHECK(d.agency == "ТАСС");
  CHECK(d.month == 6);
  CHECK(d.day == 5);
  CHECK(rest(text) == " Министр иностранных дел заявил.");
  const Dateline ria = parse("САНКТ-ПЕТЕРБУРГ, 14 сентября (РИА Новости) — Форум открылся.");
  CHECK(ria.place == "Санкт-Петербург");
  CHECK(ria.agency == "РИА Новости");
  CHECK(ria.month == 9);
  CHECK(parse("LONDON, 3 March (Reuters) - Text.").month == 3);
  // The month tables hold the nominative too ("июнь"), as pages write both.
  CHECK(parse("МОСКВА, 5 июнь. /ТАСС/. Текст.").month == 6);
}
