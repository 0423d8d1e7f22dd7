#include <docconv/model.hpp>
#include <docconv/phrases.hpp>

#include <fmt/format.h>

#include <array>

namespace docconv {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& run : inlines) out += run.text;
  return out;
}

Inlines text_run(std::string text) {
  return {Inline{InlineKind::text, std::move(text), {}}};
}

std::string_view block_type_name(const BlockContent& content) {
  static constexpr std::array<std::string_view, std::variant_size_v<BlockContent>> names{
      "heading", "paragraph", "blockquote", "list", "figure", "related", "removed"};
  return names.at(content.index());
}

std::string iso_date(const PartialDate& date) {
  if (date.year != 0 && date.month != 0 && date.day != 0)
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
  if (date.year != 0 && date.month != 0) return fmt::format("{:04}-{:02}", date.year, date.month);
  if (date.year != 0) return fmt::format("{:04}", date.year);
  if (date.month != 0 && date.day != 0) return fmt::format("--{:02}-{:02}", date.month, date.day);
  if (date.month != 0) return fmt::format("--{:02}", date.month);
  return {};
}

std::string display_date(const PartialDate& date) {
  return Phrases::of("en").date(date);
}

}  // namespace docconv
