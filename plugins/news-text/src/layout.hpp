// news-text: from text to units, the pieces the classifier rules look at.
// A unit is one line, or the lines of one paragraph joined back together when
// the text was hard-wrapped at a fixed width.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

struct Line {
  std::string_view text;   ///< Without surrounding white space; empty for blank lines.
  std::size_t number = 0;  ///< 1-based.
  std::size_t length = 0;  ///< Code points of `text`.
  std::size_t indent = 0;  ///< Leading spaces (a tab counts 4) before `text`.
};

/// All lines of `text` (LF line ends), blank ones included.
std::vector<Line> split_lines(std::string_view text);

/// The width at which the text was hard-wrapped, or 0 when it was not: the
/// text has blank lines between paragraphs and at least 3 in 4 of the lines
/// that are followed by another line of the same paragraph are "full" (the
/// next word would not have fitted, or they take three quarters of the width).
std::size_t hard_wrap_width(const std::vector<Line>& lines);

/// The wrap width of wire copy whose paragraphs start with an indented line
/// and have no blank lines between them (AP, UPI): at least 3 indented lines
/// follow a line of text. 0 when the text is not laid out so.
std::size_t indented_wrap_width(const std::vector<Line>& lines);

/// True when `line`, in text wrapped at `width`, continues on the next line.
bool is_wrapped_line(const Line& line, std::string_view next, std::size_t width);

struct Unit {
  std::string text;
  SourceLines lines;
  bool blank_before = true;  ///< A blank line (or the start of the text) comes before it.
  bool blank_after = true;   ///< A blank line (or the end of the text) comes after it.
};

struct Layout {
  std::vector<Unit> units;
  std::size_t wrap_width = 0;    ///< hard_wrap_width() of the text.
  bool has_blank_lines = false;  ///< False for one-paragraph-per-line dumps.
};

enum class Joining {
  automatic,  ///< Join lines only when hard_wrap_width() finds the text hard-wrapped.
  never,      ///< Every line is a unit.
  always,     ///< All lines between blank lines form one unit (except lines that
              ///< start units of their own: list items, READ MORE, credits).
};

Layout make_units(std::string_view text, Joining joining = Joining::automatic);

}  // namespace docconv::news_text
