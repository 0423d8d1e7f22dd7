// docconv SDK: the words docconv writes into outputs itself (a book's title,
// "Contents", "Read more", article counts, dates), in the articles' language.
#pragma once

#include <docconv/model.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv {

/// One language's table of generated text. The tables are data
/// (core/data/phrases.json, built into libdocconv-core): en, ru, uk, de, fr,
/// es, it, pt and pl; English stands in for every other language.
class Phrases {
 public:
  /// The table for `language`, a BCP 47 tag whose primary subtag decides
  /// ("ru-RU" -> ru); English when there is none ("und", "", "ja").
  static const Phrases& of(std::string_view language);

  std::string language;          ///< The table's own tag: "ru"; "en" for the fallback.
  std::string collection_title;  ///< "News articles": a set given no --title.
  std::string contents;          ///< "Contents"
  std::string landmarks;         ///< "Landmarks" (EPUB navigation)
  std::string cover;             ///< "Cover"
  std::string title_page;        ///< "Title page"
  std::string articles;          ///< "Articles": where the articles start
  std::string untitled;          ///< "Untitled article"
  std::string read_more;         ///< "Read more": the heading of related links
  std::string read_more_label;   ///< "Read more:" before a related link
  std::string removed;           ///< "Removed from the article"

  std::string article_number(std::size_t number) const;  ///< "Article 3", "Статья 3"
  std::string article_count(std::size_t count) const;    ///< "1 article", "5 статей"
  /// "By A, B", "Авторы: A, B"; names already joined by the caller.
  std::string byline(std::string_view names, std::size_t count) const;
  /// "Read more, 2 of 3": one of several related-link boxes on a page.
  std::string read_more_numbered(std::size_t number, std::size_t count) const;
  std::string cover_image(std::string_view title) const;  ///< "Cover: TITLE" (alt text)
  /// A partial date as a dateline prints it: "June 5", "5 июня 2017",
  /// "5. Juni", "1er juin", "июнь 2017", "2017"; "" when empty.
  std::string date(const PartialDate& date) const;

  /// Which plural form `count` takes: "one", "few", "many" or "other" (the
  /// CLDR categories the tables use).
  std::string_view plural_form(std::size_t count) const;

  // The patterns behind the functions above, as the table gives them.
  struct Patterns {
    std::string plural_rule;
    std::string article_number, read_more_numbered, cover_image;
    std::vector<std::pair<std::string, std::string>> article_count, byline;  // form -> pattern
    std::array<std::string, 12> months, months_alone;
    std::string day_month, day_month_year, month_year, first_day;
  };
  Patterns patterns;
};

}  // namespace docconv
