#include "layout.hpp"

#include "byline.hpp"
#include "rules.hpp"
#include "utf8.hpp"

#include <algorithm>

namespace docconv::news_text {
namespace {

// Widest wrap width we believe in; one-paragraph-per-line dumps have longer lines.
constexpr std::size_t max_wrap_width = 160;
constexpr std::size_t min_wrap_width = 20;

// Without a wrap width to go by (lines of uneven length, lists and links
// between them), a line still continues the one before when that one stops
// mid-sentence after several words and this one starts in lower case:
// "... estimant" / "dans l'hémicycle que ...".
bool continues_sentence(std::string_view before, std::string_view line) {
  // Items of a list end with , ; : or are short; a wrapped line is neither.
  if (starts_own_unit(line) || count_words(before) < 6 || length_in_code_points(before) < 45 ||
      ends_with_closing_punctuation(before))
    return false;
  // "di Giulia Bonfanti e Paolo Ferri" under a standfirst is a byline.
  return is_lower(first_code_point(line)) && !parse_byline(line, PhraseRules::defaults());
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::size_t start = 0;
  std::size_t number = 1;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    const std::string_view line = trim(raw);
    std::size_t indent = 0;
    for (const char c : raw.substr(0, line.empty() ? 0 : line.data() - raw.data()))
      indent += c == '\t' ? 4 : 1;
    lines.push_back(Line{line, number++, length_in_code_points(line), indent});
    start = end + 1;
  }
  return lines;
}

bool is_wrapped_line(const Line& line, std::string_view next, std::size_t width) {
  if (next.empty() || starts_own_unit(next)) return false;
  const std::size_t next_word = length_in_code_points(first_word(next));
  return line.length + 1 + next_word > width || line.length * 4 >= width * 3;
}

std::size_t hard_wrap_width(const std::vector<Line>& lines) {
  std::size_t width = 0, followed = 0;
  bool blank = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].text.empty()) {
      blank = true;
      continue;
    }
    if (lines[i + 1].text.empty()) continue;
    ++followed;
    width = std::max(width, lines[i].length);
  }
  if (!blank || followed < 2 || width > max_wrap_width || width < min_wrap_width) return 0;
  std::size_t full = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (!lines[i].text.empty() && !lines[i + 1].text.empty() &&
        is_wrapped_line(lines[i], lines[i + 1].text, width))
      ++full;
  return full * 4 >= followed * 3 ? width : 0;
}

std::size_t indented_wrap_width(const std::vector<Line>& lines) {
  std::size_t starts = 0, width = 0;
  bool in_paragraph = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.text.empty()) {
      in_paragraph = false;
      continue;
    }
    if (line.indent >= 2) {
      if (i > 0 && !lines[i - 1].text.empty()) ++starts;
      in_paragraph = true;
    }
    if (in_paragraph && i + 1 < lines.size() && !lines[i + 1].text.empty() &&
        lines[i + 1].indent < 2)
      width = std::max(width, line.length + line.indent);
  }
  if (starts < 3 || width > max_wrap_width || width < min_wrap_width) return 0;
  return width;
}

Layout make_units(std::string_view text, Joining joining) {
  const std::vector<Line> lines = split_lines(text);
  Layout layout;
  layout.units.reserve(static_cast<std::size_t>(std::count_if(
      lines.begin(), lines.end(), [](const Line& line) { return !line.text.empty(); })));
  // Indented paragraphs without blank lines: a line joins the one before when
  // it is not indented and that one, in an indented paragraph, was full.
  const std::size_t indented_width = joining == Joining::automatic ? indented_wrap_width(lines) : 0;
  bool in_indented = false;
  if (joining == Joining::automatic && indented_width == 0)
    layout.wrap_width = hard_wrap_width(lines);
  if (indented_width > 0) layout.wrap_width = indented_width;
  bool previous_blank = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.text.empty()) {
      if (!layout.units.empty()) layout.units.back().blank_after = true;
      previous_blank = true;
      in_indented = false;
      continue;
    }
    if (line.indent >= 2) in_indented = true;
    const bool joins =
        !previous_blank &&
        (joining == Joining::always ? !starts_own_unit(line.text)
         : indented_width > 0       ? in_indented && line.indent < 2 &&
                                    is_wrapped_line(Line{lines[i - 1].text, lines[i - 1].number,
                                                         lines[i - 1].length + lines[i - 1].indent},
                                                    line.text, indented_width)
         : layout.wrap_width > 0 ? is_wrapped_line(lines[i - 1], line.text, layout.wrap_width)
                                 : joining == Joining::automatic &&
                                       continues_sentence(layout.units.back().text, line.text));
    if (!joins && line.indent < 2) in_indented = false;
    if (joins) {
      Unit& unit = layout.units.back();
      unit.text += ' ';
      unit.text += line.text;
      unit.lines.last = line.number;
    } else {
      if (!layout.units.empty() && !previous_blank) layout.units.back().blank_after = false;
      if (!layout.units.empty() && previous_blank) layout.has_blank_lines = true;
      layout.units.push_back(
          Unit{std::string(line.text), {line.number, line.number}, previous_blank, true});
    }
    previous_blank = false;
  }
  return layout;
}

}  // namespace docconv::news_text
