#include <docconv/phrases.hpp>

#include <docconv/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <stdexcept>

namespace docconv {

// core/data/phrases.json, as the build embedded it (phrases_table.cpp.in).
extern const char* const phrases_table_json;

namespace {

std::string required(const nlohmann::json& table, const char* key) {
  return table.at(key).get<std::string>();
}

std::vector<std::pair<std::string, std::string>> forms(const nlohmann::json& table,
                                                       const char* key) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [form, pattern] : table.at(key).items())
    out.emplace_back(form, pattern.get<std::string>());
  return out;
}

std::array<std::string, 12> twelve(const nlohmann::json& table, const char* key) {
  const auto names = table.at(key).get<std::vector<std::string>>();
  if (names.size() != 12) throw std::runtime_error(fmt::format("{}: not 12 months", key));
  std::array<std::string, 12> out;
  std::copy(names.begin(), names.end(), out.begin());
  return out;
}

Phrases parse(const std::string& language, const nlohmann::json& table) {
  Phrases p;
  p.language = language;
  p.collection_title = required(table, "collection_title");
  p.contents = required(table, "contents");
  p.landmarks = required(table, "landmarks");
  p.cover = required(table, "cover");
  p.title_page = required(table, "title_page");
  p.articles = required(table, "articles");
  p.untitled = required(table, "untitled");
  p.read_more = required(table, "read_more");
  p.read_more_label = required(table, "read_more_label");
  p.removed = required(table, "removed");
  Phrases::Patterns& patterns = p.patterns;
  patterns.plural_rule = required(table, "plural");
  patterns.article_number = required(table, "article_number");
  patterns.read_more_numbered = required(table, "read_more_numbered");
  patterns.cover_image = required(table, "cover_image");
  patterns.article_count = forms(table, "article_count");
  patterns.byline = forms(table, "byline");
  patterns.months = twelve(table, "months");
  patterns.months_alone = twelve(table, "months_alone");
  patterns.day_month = required(table, "day_month");
  patterns.day_month_year = required(table, "day_month_year");
  patterns.month_year = required(table, "month_year");
  patterns.first_day = table.value("first_day", "");
  return p;
}

const std::map<std::string, Phrases, std::less<>>& tables() {
  static const auto parsed = [] {
    std::map<std::string, Phrases, std::less<>> out;
    const auto all = nlohmann::json::parse(phrases_table_json);  // outlives the loop
    for (const auto& [language, table] : all.items())
      if (language.front() != '_') out.emplace(language, parse(language, table));
    return out;
  }();
  return parsed;
}

// fmt with named fields: the tables' "{count} articles".
template <class... Args>
std::string fill(const std::string& pattern, const Args&... args) {
  return fmt::format(fmt::runtime(pattern), args...);
}

const std::string& pattern_for(const std::vector<std::pair<std::string, std::string>>& forms,
                               std::string_view form) {
  for (const auto& [name, pattern] : forms)
    if (name == form) return pattern;
  return forms.back().second;  // "other" / "many": the tables list it last
}

}  // namespace

const Phrases& Phrases::of(std::string_view language) {
  const auto tag = language_tag(language).value_or("");
  std::string primary = tag.substr(0, tag.find('-'));
  // Subtags are case-insensitive (BCP 47 section 2.1.1): "DE" is German.
  std::transform(primary.begin(), primary.end(), primary.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  const auto& all = tables();
  const auto found = all.find(primary);
  return found != all.end() ? found->second : all.at("en");
}

std::string_view Phrases::plural_form(std::size_t count) const {
  const std::size_t ten = count % 10, hundred = count % 100;
  const bool teen = hundred >= 11 && hundred <= 14;
  const std::string& rule = patterns.plural_rule;
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
  return fill(patterns.article_number, fmt::arg("number", number));
}

std::string Phrases::article_count(std::size_t count) const {
  return fill(pattern_for(patterns.article_count, plural_form(count)), fmt::arg("count", count));
}

std::string Phrases::byline(std::string_view names, std::size_t count) const {
  return fill(pattern_for(patterns.byline, plural_form(count)), fmt::arg("names", names));
}

std::string Phrases::read_more_numbered(std::size_t number, std::size_t count) const {
  return fill(patterns.read_more_numbered, fmt::arg("number", number), fmt::arg("count", count));
}

std::string Phrases::cover_image(std::string_view title) const {
  return fill(patterns.cover_image, fmt::arg("title", title));
}

std::string Phrases::date(const PartialDate& date) const {
  const bool has_month = date.month >= 1 && date.month <= 12;
  if (!has_month) return date.year != 0 ? std::to_string(date.year) : std::string();
  const auto month = static_cast<std::size_t>(date.month - 1);
  if (date.day == 0) {
    if (date.year == 0) return patterns.months_alone[month];
    return fill(patterns.month_year, fmt::arg("month", patterns.months_alone[month]),
                fmt::arg("year", date.year));
  }
  const std::string day =
      date.day == 1 && !patterns.first_day.empty() ? patterns.first_day : std::to_string(date.day);
  const auto& name = patterns.months[month];
  if (date.year == 0)
    return fill(patterns.day_month, fmt::arg("day", day), fmt::arg("month", name));
  return fill(patterns.day_month_year, fmt::arg("day", day), fmt::arg("month", name),
              fmt::arg("year", date.year));
}

}  // namespace docconv
