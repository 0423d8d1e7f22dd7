// docconv SDK: the words docconv writes into outputs itself (a book's title,
// "Contents", "Read more", article counts, dates), in the articles' language.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv {

/// One language's table of generated text. The tables are data
/// (core/data/phrases.json, built into libdocconv-core): en, ru, uk, de, fr,
/// es, it, pt and pl; English stands in for every other language. Only
/// functions are public, so that phrases added later keep plugins built
/// against this header working.
class Phrases {
 public:
  /// The table for `language`, a BCP 47 tag whose primary subtag decides
  /// ("ru-RU" -> ru); English when there is none ("und", "", "ja").
  static const Phrases& of(std::string_view language);
  /// The languages with a table of their own, in alphabetical order.
  static const std::vector<std::string>& languages();

  const std::string& language() const;          ///< "ru"; "en" for the fallback
  const std::string& collection_title() const;  ///< "News articles": a set given no --title
  const std::string& contents() const;          ///< "Contents"
  const std::string& landmarks() const;         ///< "Landmarks" (EPUB navigation)
  const std::string& cover() const;             ///< "Cover"
  const std::string& title_page() const;        ///< "Title page"
  const std::string& articles() const;          ///< "Articles": where the articles start
  const std::string& untitled() const;          ///< "Untitled article"
  const std::string& read_more() const;         ///< "Read more": related links' heading
  const std::string& read_more_label() const;   ///< "Read more:" before related links
  const std::string& removed() const;           ///< "Removed from the article"

  std::string article_number(std::size_t number) const;  ///< "Article 3", "Статья 3"
  std::string article_count(std::size_t count) const;    ///< "1 article", "5 статей"
  /// "By A, B", "Авторы: A, B": `names` already joined, `count` of them.
  std::string byline(std::string_view names, std::size_t count) const;
  /// "Read more, 2 of 3": one of several related-link boxes on a page.
  std::string read_more_numbered(std::size_t number, std::size_t count) const;
  std::string cover_image(std::string_view title) const;  ///< "Cover: TITLE" (alt text)
  /// "Repeats an earlier article (93% similar):", before a link to it.
  std::string near_duplicate(int percent) const;
  /// A partial date as a dateline prints it: "June 5", "5 июня 2017",
  /// "5. Juni", "1er juin", "июнь 2017", "2017"; "" when empty.
  std::string date(const PartialDate& date) const;
  /// Month `number` (1-12) as a date with a day writes it ("июня"), or as
  /// it stands alone (`with_day` false: "июнь"); "" for another number.
  const std::string& month(int number, bool with_day = true) const;
  /// Which plural form `count` takes: "one", "few", "many" or "other" (the
  /// CLDR categories the tables use).
  std::string_view plural_form(std::size_t count) const;

  struct Table;  ///< What core/data/phrases.json gives for one language.
  explicit Phrases(const Table& table) : table_(&table) {}

 private:
  const Table* table_;
};

}  // namespace docconv
