#include "book_facts.hpp"

#include "xhtml.hpp"

#include <fmt/format.h>
#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <docconv/phrases.hpp>
#include <docconv/text.hpp>

#include <algorithm>
#include <chrono>
#include <tuple>

namespace docconv::epub {
namespace {

// Distinct values kept per field (agencies, authors, publishers): a set of
// 100,000 articles still has only a handful, and more would not fit a title page.
constexpr std::size_t max_distinct = 12;
constexpr std::size_t max_languages = 64;

void remember(std::vector<std::string>& values, std::string_view raw) {
  const std::string value = collapse_whitespace(raw);
  if (value.empty() || values.size() >= max_distinct) return;
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

auto date_key(const PartialDate& date) {
  return std::tie(date.year, date.month, date.day);
}

bool is_complete(const PartialDate& date) {
  const std::chrono::year_month_day day{std::chrono::year{date.year},
                                        std::chrono::month{static_cast<unsigned>(date.month)},
                                        std::chrono::day{static_cast<unsigned>(date.day)}};
  return date.year >= 1970 && day.ok();
}

std::int64_t seconds_at_midnight(const PartialDate& date) {
  const std::chrono::sys_days day{std::chrono::year{date.year} /
                                  std::chrono::month{static_cast<unsigned>(date.month)} /
                                  std::chrono::day{static_cast<unsigned>(date.day)}};
  return std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count();
}

std::string date_range(const std::optional<PartialDate>& earliest,
                       const std::optional<PartialDate>& latest, const Phrases& phrases) {
  if (!earliest || !latest) return {};
  if (*earliest == *latest) return phrases.date(*latest);
  return phrases.date(*earliest) + " \u2013 " + phrases.date(*latest);
}

boost::uuids::uuid next_digest(const boost::uuids::uuid& digest, std::string_view bytes) {
  return boost::uuids::name_generator_sha1(digest)(bytes.data(), bytes.size());
}

// The dcterms:modified instant when SOURCE_DATE_EPOCH is not set: midnight
// (UTC) of the latest complete article date, else the DOS epoch. Never "now",
// so that two runs give the same book.
std::int64_t modified_seconds(const CollectionMetadata& collection,
                              const std::optional<PartialDate>& latest_complete) {
  if (collection.source_date_epoch) return *collection.source_date_epoch;
  if (latest_complete) return seconds_at_midnight(*latest_complete);
  return 315532800;  // 1980-01-01T00:00:00Z
}

}  // namespace

namespace {

// Whether `date` is a new earliest (or latest) bound of the book's dates. A
// date without a year cannot be placed among dated ones ("19 August" of which
// year?): it counts only while no date has a year.
bool widens(const std::optional<PartialDate>& bound, const PartialDate& date, bool earlier) {
  if (!bound) return true;
  if ((bound->year != 0) != (date.year != 0)) return date.year != 0;
  return earlier ? date_key(date) < date_key(*bound) : date_key(*bound) < date_key(date);
}

}  // namespace

BookFacts::BookFacts()
    : digest_(boost::uuids::name_generator_sha1(boost::uuids::ns::url())(
          "https://github.com/docconv/docconv/epub")) {}

void BookFacts::record(const Document& document) {
  ++count_;
  const Metadata& meta = document.metadata;
  if (auto language = language_tag(meta.language);
      language && (languages_.size() < max_languages || languages_.count(*language) != 0))
    ++languages_[*language];
  remember(agencies_, meta.agency);
  for (const auto& author : meta.authors) remember(authors_, author);
  remember(publishers_, meta.publisher);
  if (meta.date.empty()) return;
  if (widens(earliest_, meta.date, true)) earliest_ = meta.date;
  if (widens(latest_, meta.date, false)) latest_ = meta.date;
  if (is_complete(meta.date) &&
      (!latest_complete_ || date_key(*latest_complete_) < date_key(meta.date)))
    latest_complete_ = meta.date;
}

void BookFacts::record_page(const boost::uuids::uuid& page) {
  digest_ =
      next_digest(digest_, std::string_view(reinterpret_cast<const char*>(page.data), page.size()));
}

void BookFacts::record_resource(std::string_view bytes) {
  digest_ = next_digest(digest_, bytes);
}

std::string BookFacts::language(const CollectionMetadata& collection) const {
  if (auto chosen = language_tag(collection.language)) return *chosen;
  // The most common language of the documents; std::map order breaks ties.
  const auto most_common =
      std::max_element(languages_.begin(), languages_.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  return most_common == languages_.end() ? "und" : most_common->first;
}

BookMetadata BookFacts::metadata(const CollectionMetadata& collection) const {
  BookMetadata book;
  book.article_count = count_;
  book.language = language(collection);
  const Phrases& phrases = Phrases::of(book.language);
  book.title = collapse_whitespace(collection.title);
  // The same default title as every writer's; the count is on the title page.
  if (book.title.empty()) book.title = phrases.collection_title();
  std::vector<std::string> authors;  // blank --author values would make empty dc:creator
  for (const auto& author : collection.authors) remember(authors, author);
  std::vector<std::string> publishers;
  remember(publishers, collection.publisher);
  book.creators = !authors.empty() ? authors : !agencies_.empty() ? agencies_ : authors_;
  book.publishers = !publishers.empty()    ? publishers
                    : !publishers_.empty() ? publishers_
                                           : agencies_;
  if (latest_ && latest_->year != 0)
    book.date = iso_date(*latest_);
  else if (collection.source_date_epoch)
    book.date = utc_timestamp(*collection.source_date_epoch).substr(0, 10);
  book.modified = utc_timestamp(modified_seconds(collection, latest_complete_));
  book.date_range = date_range(earliest_, latest_, phrases);

  // Everything the book shows goes into its identifier: same book, same id.
  std::string described = book.title + '\n' + book.language + '\n' + book.date + '\n';
  for (const auto& creator : book.creators) described += creator + '\n';
  for (const auto& publisher : book.publishers) described += publisher + '\n';
  book.identifier = "urn:uuid:" + boost::uuids::to_string(next_digest(digest_, described));
  return book;
}

boost::uuids::uuid page_digest(std::string_view page) {
  static const boost::uuids::uuid pages_namespace = boost::uuids::name_generator_sha1(
      boost::uuids::ns::url())("https://github.com/docconv/docconv/epub/page");
  return next_digest(pages_namespace, page);
}

std::string page_language(const Document& document, const CollectionMetadata& collection) {
  if (auto own = language_tag(document.metadata.language)) return *own;
  if (auto chosen = language_tag(collection.language)) return *chosen;
  return "und";
}

DosTime dos_time(std::int64_t seconds) {
  constexpr std::int64_t earliest = 315532800;  // 1980-01-01T00:00:00Z
  constexpr std::int64_t latest = 4354819198;   // 2107-12-31T23:59:58Z
  seconds = std::clamp(seconds, earliest, latest);
  const std::chrono::sys_seconds instant{std::chrono::seconds{seconds}};
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  DosTime stamp;
  stamp.date = static_cast<std::uint16_t>(((static_cast<int>(date.year()) - 1980) << 9) |
                                          (static_cast<unsigned>(date.month()) << 5) |
                                          static_cast<unsigned>(date.day()));
  stamp.time = static_cast<std::uint16_t>(
      (time.hours().count() << 11) | (time.minutes().count() << 5) | (time.seconds().count() / 2));
  return stamp;
}

DosTime entry_stamp(const CollectionMetadata& collection) {
  return collection.source_date_epoch ? dos_time(*collection.source_date_epoch) : DosTime{};
}

}  // namespace docconv::epub
