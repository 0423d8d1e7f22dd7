#include <docconv/phrases.hpp>

#include <docconv/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <stdexcept>

namespace docconv {

// core/data/phrases.json, as the build embedded it (phrases_table.cpp.in).
extern const char* const phrases_table_json;

struct Phrases::Table {
  std::string language, plural_rule;
  std::string collection_title, contents, landmarks, cover, title_page, articles, untitled,
      read_more, read_more_label, removed;
  std::string article_number, read_more_numbered, cover_image, near_duplicate;
  std::map<std::string, std::string, std::less<>> article_count, byline;  // form -> pattern
  std::array<std::string, 12> months, months_alone;
  std::string day_month, day_month_year, month_year, first_day;
};

namespace {

std::string required(const nlohmann::json& table, const char* key) {
  return table.at(key).get<std::string>();
}

std::array<std::string, 12> twelve(const nlohmann::json& table, const char* key) {
  const auto names = table.at(key).get<std::vector<std::string>>();
  if (names.size() != 12) throw std::runtime_error(fmt::format("{}: not 12 months", key));
  std::array<std::string, 12> out;
  std::copy(names.begin(), names.end(), out.begin());
  return out;
}

Phrases::Table parse(const std::string& language, const nlohmann::json& json) {
  Phrases::Table t;
  t.language = language;
  t.plural_rule = required(json, "plural");
  t.collection_title = required(json, "collection_title");
  t.contents = required(json, "contents");
  t.landmarks = required(json, "landmarks");
  t.cover = required(json, "cover");
  t.title_page = required(json, "title_page");
  t.articles = required(json, "articles");
  t.untitled = required(json, "untitled");
  t.read_more = required(json, "read_more");
  t.read_more_label = required(json, "read_more_label");
  t.removed = required(json, "removed");
  t.article_number = required(json, "article_number");
  t.read_more_numbered = required(json, "read_more_numbered");
  t.cover_image = required(json, "cover_image");
  t.near_duplicate = required(json, "near_duplicate");
  t.article_count = json.at("article_count").get<std::map<std::string, std::string, std::less<>>>();
  t.byline = json.at("byline").get<std::map<std::string, std::string, std::less<>>>();
  t.months = twelve(json, "months");
  t.months_alone = twelve(json, "months_alone");
  t.day_month = required(json, "day_month");
  t.day_month_year = required(json, "day_month_year");
  t.month_year = required(json, "month_year");
  t.first_day = json.value("first_day", "");
  return t;
}

// Every table, parsed once; a Phrases for each points into it.
struct Library {
  std::map<std::string, Phrases::Table, std::less<>> tables;
  std::map<std::string, Phrases, std::less<>> phrases;
  std::vector<std::string> languages;
};

const Library& library() {
  static const auto built = [] {
    auto out = std::make_unique<Library>();
    const auto all = nlohmann::json::parse(phrases_table_json);  // outlives the loop
    for (const auto& [language, json] : all.items()) {
      if (language.front() == '_') continue;
      const auto& table = out->tables.emplace(language, parse(language, json)).first->second;
      out->phrases.emplace(language, Phrases(table));
      out->languages.push_back(language);
    }
    return out;
  }();
  return *built;
}

// fmt with named fields: the tables' "{count} articles". The patterns are
// the tables'; what users wrote (a title) only ever fills a field.
template <class... Args>
std::string fill(const std::string& pattern, const Args&... args) {
  return fmt::format(fmt::runtime(pattern), args...);
}

// The pattern of plural form `form`; "other" (or "many") stands in for a form
// a table does not list.
const std::string& pattern_for(const std::map<std::string, std::string, std::less<>>& forms,
                               std::string_view form) {
  for (const std::string_view wanted : {form, std::string_view("other"), std::string_view("many")})
    if (const auto found = forms.find(wanted); found != forms.end()) return found->second;
  throw std::runtime_error(fmt::format("phrases: no plural form '{}'", form));
}

}  // namespace

const Phrases& Phrases::of(std::string_view language) {
  const auto tag = language_tag(language).value_or("");
  std::string primary = tag.substr(0, tag.find('-'));
  // Subtags are case-insensitive (BCP 47 section 2.1.1): "DE" is German.
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  const auto& phrases = library().phrases;
  const auto found = phrases.find(primary);
  return found != phrases.end() ? found->second : phrases.at("en");
}

const std::vector<std::string>& Phrases::languages() {
  return library().languages;
}

const std::string& Phrases::language() const {
  return table_->language;
}
const std::string& Phrases::collection_title() const {
  return table_->collection_title;
}
const std::string& Phrases::contents() const {
  return table_->contents;
}
const std::string& Phrases::landmarks() const {
  return table_->landmarks;
}
const std::string& Phrases::cover() const {
  return table_->cover;
}
const std::string& Phrases::title_page() const {
  return table_->title_page;
}
const std::string& Phrases::articles() const {
  return table_->articles;
}
const std::string& Phrases::untitled() const {
  return table_->untitled;
}
const std::string& Phrases::read_more() const {
  return table_->read_more;
}
const std::string& Phrases::read_more_label() const {
  return table_->read_more_label;
}
const std::string& Phrases::removed() const {
  return table_->removed;
}

std::string_view Phrases::plural_form(std::size_t count) const {
  const std::size_t ten = count % 10, hundred = count % 100;
  const bool teen = hundred >= 11 && hundred <= 14;
  const std::string& rule = table_->plural_rule;
  if (rule == "east-slavic") {
    if (ten == 1 && hundred != 11) return "one";
    if (ten >= 2 && ten <= 4 && !teen) return "few";
    return "many";
  }
  if (rule == "polish") {
    if (count == 1) return "one";
    if (ten >= 2 && ten <= 4 && !teen) return "few";
    return "many";
  }
  if (rule == "french") return count <= 1 ? "one" : "other";
  return count == 1 ? "one" : "other";
}

std::string Phrases::article_number(std::size_t number) const {
  return fill(table_->article_number, fmt::arg("number", number));
}

std::string Phrases::article_count(std::size_t count) const {
  return fill(pattern_for(table_->article_count, plural_form(count)), fmt::arg("count", count));
}

std::string Phrases::byline(std::string_view names, std::size_t count) const {
  // One author or several: "Автор:", "Авторы:" (21 authors are "Авторы", not
  // the plural category of 21, which is "one").
  return fill(pattern_for(table_->byline, count == 1 ? "one" : "other"), fmt::arg("names", names));
}

std::string Phrases::read_more_numbered(std::size_t number, std::size_t count) const {
  return fill(table_->read_more_numbered, fmt::arg("number", number), fmt::arg("count", count));
}

std::string Phrases::near_duplicate(int percent) const {
  return fill(table_->near_duplicate, fmt::arg("percent", percent));
}

std::string Phrases::cover_image(std::string_view title) const {
  return fill(table_->cover_image, fmt::arg("title", title));
}

const std::string& Phrases::month(int number, bool with_day) const {
  static const std::string none;
  if (number < 1 || number > 12) return none;
  const auto index = static_cast<std::size_t>(number - 1);
  return with_day ? table_->months[index] : table_->months_alone[index];
}

std::string Phrases::date(const PartialDate& date) const {
  if (date.month < 1 || date.month > 12)
    return date.year != 0 ? std::to_string(date.year) : std::string();
  if (date.day == 0) {
    if (date.year == 0) return month(date.month, false);
    return fill(table_->month_year, fmt::arg("month", month(date.month, false)),
                fmt::arg("year", date.year));
  }
  const std::string day =
      date.day == 1 && !table_->first_day.empty() ? table_->first_day : std::to_string(date.day);
  if (date.year == 0)
    return fill(table_->day_month, fmt::arg("day", day), fmt::arg("month", month(date.month)));
  return fill(table_->day_month_year, fmt::arg("day", day), fmt::arg("month", month(date.month)),
              fmt::arg("year", date.year));
}

}  // namespace docconv
