// The generated text of every language docconv speaks: each table complete,
// plurals by each language's rule, dates in each language's form, and
// English for the rest.

#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using docconv::PartialDate;
using docconv::Phrases;

namespace {

const std::vector<std::string> languages{"en", "ru", "uk", "de", "fr", "es", "it", "pt", "pl"};

}  // namespace

TEST_CASE("every language has its own table, each word its own") {
  const Phrases& english = Phrases::of("en");
  for (const auto& language : languages) {
    INFO(language);
    const Phrases& phrases = Phrases::of(language);
    CHECK(phrases.language() == language);
    for (const std::string* word :
         {&phrases.collection_title(), &phrases.contents(), &phrases.landmarks(), &phrases.cover(),
          &phrases.title_page(), &phrases.articles(), &phrases.untitled(), &phrases.read_more(),
          &phrases.read_more_label(), &phrases.removed()})
      CHECK_FALSE(word->empty());
    if (language == "en") continue;
    // Translated, not English left in (French "Articles" is the same word).
    CHECK(phrases.collection_title() != english.collection_title());
    CHECK(phrases.contents() != english.contents());
    CHECK(phrases.read_more() != english.read_more());
    CHECK(phrases.date({2017, 6, 5}) != english.date({2017, 6, 5}));
  }
}

TEST_CASE("a language tag's primary subtag picks the table, others get English") {
  CHECK(Phrases::of("ru-RU").language() == "ru");
  CHECK(Phrases::of("pt-BR").language() == "pt");
  CHECK(Phrases::of("DE").language() == "de");
  for (const char* other : {"", "und", "ja", "zh-Hant", "not a tag"}) {
    INFO(other);
    CHECK(Phrases::of(other).language() == "en");
  }
}

TEST_CASE("article counts take each language's plural forms") {
  const auto count = [](const char* language, std::size_t n) {
    return Phrases::of(language).article_count(n);
  };
  CHECK(count("en", 1) == "1 article");
  CHECK(count("en", 0) == "0 articles");
  CHECK(count("en", 21) == "21 articles");
  CHECK(count("ru", 1) == "1 статья");
  CHECK(count("ru", 3) == "3 статьи");
  CHECK(count("ru", 5) == "5 статей");
  CHECK(count("ru", 11) == "11 статей");
  CHECK(count("ru", 12) == "12 статей");
  CHECK(count("ru", 21) == "21 статья");
  CHECK(count("ru", 22) == "22 статьи");
  CHECK(count("ru", 111) == "111 статей");
  CHECK(count("uk", 1) == "1 стаття");
  CHECK(count("uk", 4) == "4 статті");
  CHECK(count("uk", 25) == "25 статей");
  CHECK(count("pl", 1) == "1 artykuł");
  CHECK(count("pl", 2) == "2 artykuły");
  CHECK(count("pl", 5) == "5 artykułów");
  CHECK(count("pl", 21) == "21 artykułów");  // Polish: only 1 itself is singular
  CHECK(count("pl", 22) == "22 artykuły");
  CHECK(count("fr", 0) == "0 article");  // French: 0 and 1 are singular
  CHECK(count("fr", 2) == "2 articles");
  CHECK(count("de", 1) == "1 Artikel");
  CHECK(count("de", 7) == "7 Artikel");
  CHECK(count("es", 2) == "2 artículos");
  CHECK(count("it", 1) == "1 articolo");
  CHECK(count("it", 2) == "2 articoli");
  CHECK(count("pt", 2) == "2 artigos");
}

TEST_CASE("dates read as each language writes them") {
  const PartialDate full{2017, 6, 5}, day_month{0, 6, 5}, month_year{2017, 6, 0};
  const auto date = [](const char* language, const PartialDate& d) {
    return Phrases::of(language).date(d);
  };
  CHECK(date("en", full) == "June 5, 2017");
  CHECK(date("en", day_month) == "June 5");
  CHECK(date("en", month_year) == "June 2017");
  CHECK(date("ru", full) == "5 июня 2017");
  CHECK(date("ru", day_month) == "5 июня");
  CHECK(date("ru", month_year) == "июнь 2017");  // the month alone: nominative
  CHECK(date("uk", day_month) == "5 червня");
  CHECK(date("uk", month_year) == "червень 2017");
  CHECK(date("de", full) == "5. Juni 2017");
  CHECK(date("de", {0, 3, 1}) == "1. März");
  CHECK(date("fr", day_month) == "5 juin");
  CHECK(date("fr", {2017, 6, 1}) == "1er juin 2017");
  CHECK(date("es", full) == "5 de junio de 2017");
  CHECK(date("it", day_month) == "5 giugno");
  CHECK(date("pt", full) == "5 de junho de 2017");
  CHECK(date("pl", day_month) == "5 czerwca");
  CHECK(date("pl", month_year) == "czerwiec 2017");
  CHECK(date("it", {2017, 6, 1}) == "1º giugno 2017");
  CHECK(date("pt", {0, 6, 1}) == "1º de junho");
  CHECK(Phrases::of("ru").month(6) == "июня");
  CHECK(Phrases::of("ru").month(6, false) == "июнь");
  CHECK(Phrases::of("ru").month(13).empty());
  CHECK(date("en", {2017, 0, 0}) == "2017");
  CHECK(date("ru", {0, 6, 0}) == "июнь");
  CHECK(date("ru", {}).empty());
  CHECK(date("en", {2017, 13, 5}) == "2017");  // no such month: the year alone
}

TEST_CASE("patterned phrases fill in their numbers, names and titles") {
  CHECK(Phrases::of("en").article_number(3) == "Article 3");
  CHECK(Phrases::of("ru").article_number(3) == "Статья 3");
  CHECK(Phrases::of("en").byline("A. Writer", 1) == "By A. Writer");
  CHECK(Phrases::of("ru").byline("Иван Петров", 1) == "Автор: Иван Петров");
  CHECK(Phrases::of("ru").byline("А, Б", 2) == "Авторы: А, Б");
  // One author or several, not the plural category (21 is "one" in Russian).
  CHECK(Phrases::of("ru").byline("…", 21) == "Авторы: …");
  CHECK(Phrases::of("pl").byline("…", 5) == "Autorzy: …");
  CHECK(Phrases::of("en").read_more_numbered(2, 3) == "Read more, 2 of 3");
  CHECK(Phrases::of("de").read_more_numbered(2, 3) == "Mehr zum Thema, 2 von 3");
  // French puts a no-break space before the colon, so that it never starts a line.
  CHECK(Phrases::of("fr").cover_image("Le titre") == "Couverture\u00a0: Le titre");
  // A title holding braces is text, not a pattern.
  CHECK(Phrases::of("en").cover_image("{count} {}") == "Cover: {count} {}");
}
