#include "inline_markdown.hpp"

#include <docconv/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

namespace docconv::markdown {

namespace {

// ---- Characters as CommonMark classifies them ----

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_ending(char c) {
  return c == '\n' || c == '\r';
}
bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_punct(char c) {
  constexpr std::string_view punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  return c != '\0' && punctuation.find(c) != std::string_view::npos;
}

// The classes of the flanking rules. A character outside ASCII may be
// classified differently by different parsers (CommonMark 0.31 counts symbols
// as punctuation, 0.30 does not), so its class is a set of possibilities and
// a delimiter is only written when it works for every one of them.
enum Class : unsigned { space = 1, punct = 2, other = 4 };
using Classes = unsigned;

// Unicode general category Zs, which CommonMark counts as whitespace.
bool is_unicode_space(char32_t cp) {
  return cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

Classes classes_of(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (is_blank(c) || is_line_ending(c) || c == '\f') return space;
    return is_ascii_punct(c) ? punct : other;
  }
  return is_unicode_space(cp) ? space : (punct | other);
}

bool left_flanking(Class before, Class after) {
  return after != space && (after != punct || before == space || before == punct);
}
bool right_flanking(Class before, Class after) {
  return before != space && (before != punct || after == space || after == punct);
}
bool can_open(char delimiter, Class before, Class after) {
  const bool left = left_flanking(before, after);
  if (delimiter == '*') return left;
  return left && (!right_flanking(before, after) || before == punct);
}
bool can_close(char delimiter, Class before, Class after) {
  const bool right = right_flanking(before, after);
  if (delimiter == '*') return right;
  return right && (!left_flanking(before, after) || after == punct);
}

template <class Test>
bool for_every(Classes before, Classes after, Test test) {
  for (const Class b : {space, punct, other}) {
    if ((before & b) == 0) continue;
    for (const Class a : {space, punct, other})
      if ((after & a) != 0 && !test(b, a)) return false;
  }
  return true;
}

// ---- Character references ----

// True when `text` at `i` (an '&') starts what CommonMark reads as an entity
// or numeric character reference. Unknown entity names count too: escaping
// one costs a backslash, guessing wrong would lose the text.
bool starts_reference(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  const auto count = [&](auto accept, std::size_t max) {
    std::size_t n = 0;
    while (j < text.size() && n < max && accept(text[j])) ++j, ++n;
    return n;
  };
  const auto is_hex = [](char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::size_t digits = 0;
  if (j < text.size() && text[j] == '#') {
    ++j;
    if (j < text.size() && (text[j] == 'x' || text[j] == 'X')) {
      ++j;
      digits = count(is_hex, 6);
    } else {
      digits = count(is_ascii_digit, 7);
    }
  } else {
    if (j >= text.size() || !is_ascii_alnum(text[j]) || is_ascii_digit(text[j])) return false;
    digits = count(is_ascii_alnum, 32);
  }
  return digits > 0 && j < text.size() && text[j] == ';';
}

// ---- Escaping a run of plain text ----

struct TextPlace {
  bool line_start = false;   ///< The text starts its line: what precedes it is the line's start.
  bool line_end = false;     ///< The text ends its line.
  bool block_rules = false;  ///< Its start must not read as the start of another block.
  bool link_text = false;    ///< It is a link's text, whose edge blanks Pandoc would trim.
  bool before_link = false;  ///< A link follows right after the text.
};

class TextEscaper {
 public:
  TextEscaper(std::string_view text, const TextPlace& place)
      : text_(text), place_(place), escape_(text.size(), false) {}

  std::string run() {
    if (place_.line_start && place_.block_rules && !text_.empty()) mark_block_start();
    for (std::size_t i = 0; i < text_.size();) i = mark_at(i);
    return write();
  }

  // Leading and trailing blanks of a line would be stripped, and line endings
  // would end the line: those are written as character references.
  bool as_reference(std::size_t i) const {
    const char c = text_[i];
    if (is_line_ending(c) || i == reference_at_) return true;
    if (!is_blank(c)) return false;
    return (i == 0 && (place_.line_start || place_.link_text)) ||
           (i + 1 == text_.size() && (place_.line_end || place_.link_text));
  }

 private:
  bool literal_blank(std::size_t i) const { return is_blank(text_[i]) && !as_reference(i); }
  // Whitespace (for CommonMark) right before position i / at position i.
  bool space_before(std::size_t i) const {
    return i == 0 ? place_.line_start : literal_blank(i - 1);
  }
  bool space_at(std::size_t i) const {
    return i >= text_.size() ? place_.line_end : literal_blank(i);
  }
  bool alnum_before(std::size_t i) const { return i > 0 && is_ascii_alnum(text_[i - 1]); }
  bool alnum_at(std::size_t i) const { return i < text_.size() && is_ascii_alnum(text_[i]); }
  bool could_open_tag_or_autolink(std::size_t i) const;
  bool starts_emoji(std::size_t i) const {
    std::size_t j = i + 1;
    while (j < text_.size() &&
           (is_ascii_alnum(text_[j]) || text_[j] == '_' || text_[j] == '+' || text_[j] == '-'))
      ++j;
    return j > i + 1 && j < text_.size() && text_[j] == ':';
  }
  std::size_t run_end(std::size_t i) const {
    std::size_t j = i;
    while (j < text_.size() && text_[j] == text_[i]) ++j;
    return j;
  }

  void mark_block_start();
  std::size_t mark_at(std::size_t i);
  std::string write() const;

  std::string_view text_;
  TextPlace place_;
  std::vector<bool> escape_;
  std::size_t reference_at_ = std::string_view::npos;  // a blank to write as a reference
  std::vector<std::size_t> quote_references_;          // where '‘' and '“' start, in order
};

// The first character of a line decides whether the line starts a heading,
// block quote, list item, thematic break, code fence or link reference
// definition; HTML blocks start with '<', which mark_at() already escapes.
void TextEscaper::mark_block_start() {
  const char first = text_[0];
  switch (first) {
    case '#':
      escape_[0] = true;  // Pandoc's Markdown reads a heading of more than six too
      break;
    case '[':
      // Pandoc's Markdown takes a list item starting "[x] " for a task
      // whatever is escaped, unless the space is a character reference.
      escape_[0] = true;
      if (text_.size() > 3 && (text_.substr(0, 4) == "[ ] " || text_.substr(0, 4) == "[x] " ||
                               text_.substr(0, 4) == "[X] "))
        reference_at_ = 3;
      break;
    case '>':
    case '|':  // Pandoc: a line block
    case ':':  // Pandoc: a definition ("Term" then ": definition") or a fenced div (":::")
    case '(':  // Pandoc: an example or fancy list item, "(@) " or "(a) "
    case '%':  // Pandoc: a title block
      escape_[0] = true;
      break;
    case '~':
      escape_[0] = true;
      break;
    case '-':
    case '+':
    case '*':
    case '_': {
      const bool list_marker = first != '_' && space_at(1);
      std::size_t marks = 0;
      bool only_marks = place_.line_end;
      for (std::size_t i = 0; i < text_.size() && only_marks; ++i) {
        if (text_[i] == first)
          ++marks;
        else
          only_marks = literal_blank(i);
      }
      const bool thematic_break = first != '+' && only_marks && marks >= 3;
      if (list_marker || thematic_break) escape_[0] = true;
      break;
    }
    default: {
      // An ordered list item: "12. ", "3) "; in Pandoc's Markdown (fancy
      // lists) also "a. ", "B) ", "iv. " ("#. " is escaped above).
      const auto is_roman = [](char c) {
        return std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos;
      };
      std::size_t end = 0;
      if (is_ascii_digit(first)) {
        while (end < text_.size() && is_ascii_digit(text_[end])) ++end;  // Pandoc: any number
      } else if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
        while (end < text_.size() && is_roman(text_[end])) ++end;
        if (end == 0 || (end > 1 && end < text_.size() && is_ascii_alnum(text_[end]))) end = 1;
        if (end == 1 && text_.size() > 1 && is_ascii_alnum(text_[1])) end = 0;
      }
      if (end > 0 && end < text_.size() && (text_[end] == '.' || text_[end] == ')') &&
          space_at(end + 1))
        escape_[end] = true;
    }
  }
}

// Raw HTML starts with '<' and a letter, '/', '?' or '!'; a URI autolink
// with '<' and a letter (its scheme); an email autolink with '<', characters
// of an address's local part and '@'. Anything else after '<' is text:
// "a <= b", "<3".
bool TextEscaper::could_open_tag_or_autolink(std::size_t i) const {
  constexpr std::string_view local_part = ".!#$%&'*+/=?^_`{|}~-";
  std::size_t j = i + 1;
  if (j == text_.size()) return !place_.line_end;  // our markup may follow
  const char next = text_[j];
  if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' || next == '?' ||
      next == '!')
    return true;
  while (j < text_.size() &&
         (is_ascii_alnum(text_[j]) || local_part.find(text_[j]) != std::string_view::npos))
    ++j;
  if (j == text_.size()) return !place_.line_end;
  return j > i + 1 && text_[j] == '@';
}

// Marks what must be escaped at `i`; returns where to continue.
std::size_t TextEscaper::mark_at(std::size_t i) {
  const char c = text_[i];
  const bool last = i + 1 == text_.size();
  switch (c) {
    case '*':
    case '_': {
      // Always, even where CommonMark could neither open nor close emphasis
      // ("2 * 3", "snake_case"): Pandoc's Markdown has other rules, and
      // closes emphasis at " * " or takes "x__y*" for one word.
      const std::size_t end = run_end(i);
      for (std::size_t k = i; k < end; ++k) escape_[k] = true;
      return end;
    }
    case '\\':
      // Always: it escapes the punctuation after it, could escape our markup
      // at the end of a run, and starts raw TeX before a letter in Pandoc's
      // Markdown ("\\emph").
      escape_[i] = true;
      break;
    case '[':
    case ']':
      // Pandoc's Markdown makes links of "[text]" alone (implicit header
      // references), spans of "[text]{.c}", citations, footnotes: a bracket
      // is never left to pair.
      escape_[i] = true;
      break;
    case '~':   // Pandoc: subscript, strikeout
    case '^':   // Pandoc: superscript, inline note
    case '$':   // Pandoc: TeX math
    case '|':   // Pandoc: pipe tables
    case '{':   // Pandoc: attributes after a heading, link or span
    case '\'':  // Pandoc: smart quotes
    case '"':
      escape_[i] = true;
      break;
    case '@':  // Pandoc: a citation, "@smith", unless inside a word (an address)
      escape_[i] = !alnum_before(i);
      break;
    case '-':  // Pandoc: smart dashes, "--" and "---"
      escape_[i] = escape_[i] || (!last && text_[i + 1] == '-');
      break;
    case '.':  // Pandoc: a smart ellipsis, "..." or ". . ."
      escape_[i] = escape_[i] || text_.substr(i, 3) == "..." || text_.substr(i, 5) == ". . .";
      break;
    case ':':  // commonmark_x: an emoji, ":smile:"
      escape_[i] = escape_[i] || starts_emoji(i);
      break;
    case '\xE2':
      // Pandoc's smart punctuation takes an opening curly quote for the
      // start of a quotation: one without its closing quote becomes an
      // apostrophe, and blanks inside one are trimmed. A character reference
      // is text in every reader (a backslash would stay in CommonMark).
      if (text_.substr(i, 3) == "\u2018" || text_.substr(i, 3) == "\u201c") {
        quote_references_.push_back(i);
        return i + 3;
      }
      break;
    case '`':
      escape_[i] = true;  // a code span needs only a matching backtick run later
      break;
    case '<':
      escape_[i] = could_open_tag_or_autolink(i);
      break;
    case '&':
      escape_[i] = starts_reference(text_, i);
      break;
    case '!':
      escape_[i] = last && place_.before_link;  // "![" would make an image
      break;
    default:
      break;
  }
  return i + 1;
}

std::string TextEscaper::write() const {
  std::string out;
  out.reserve(text_.size() + text_.size() / 8);
  std::size_t next_quote = 0;  // in quote_references_
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (next_quote < quote_references_.size() && quote_references_[next_quote] == i) {
      out += text_.substr(i, 3) == "\u2018" ? "&#8216;" : "&#8220;";
      ++next_quote;
      i += 2;
      continue;
    }
    if (as_reference(i)) {
      out += fmt::format("&#{};", static_cast<int>(text_[i]));
      continue;
    }
    if (escape_[i]) out += '\\';
    out += text_[i];
  }
  return out;
}

// The characters mark_at() acts on, and line endings (written as references).
constexpr std::string_view maybe_markup = "*_\\`<&[]!\n\r~^$|{'\"@-.:\xE2";

// A table of maybe_markup, since every byte of the text is looked up in it.
constexpr std::array<bool, 256> maybe_markup_table = [] {
  std::array<bool, 256> table{};
  for (const char c : maybe_markup) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// Of maybe_markup, the characters mark_at() escapes only in some contexts,
// which most prose has ("Dr. Smith", "e-mail", "10:30", "a@b.c", "—").
constexpr std::string_view contextual_markup = ".-:@\xE2";

constexpr std::array<bool, 256> contextual_markup_table = [] {
  std::array<bool, 256> table{};
  for (const char c : contextual_markup) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

// True when mark_at() would escape the contextual character at `i`: the
// same tests, without building a TextEscaper.
bool contextual_markup_at(std::string_view text, std::size_t i) {
  switch (text[i]) {
    case '.':
      return text.substr(i, 3) == "..." || text.substr(i, 5) == ". . .";
    case '-':
      return i + 1 < text.size() && text[i + 1] == '-';
    case '@':
      return i == 0 || !is_ascii_alnum(text[i - 1]);
    case ':': {
      std::size_t j = i + 1;
      while (j < text.size() &&
             (is_ascii_alnum(text[j]) || text[j] == '_' || text[j] == '+' || text[j] == '-'))
        ++j;
      return j > i + 1 && j < text.size() && text[j] == ':';
    }
    default:  // '\xE2': an opening curly quote
      return text.substr(i, 3) == "\u2018" || text.substr(i, 3) == "\u201c";
  }
}

// True when mark_block_start() may escape something at the start of `text`:
// a block-starting character, or letters or digits before '.' or ')' (a
// list marker; "Dr. Who" too, which is checked in full).
bool may_start_block(std::string_view text) {
  const char first = text.front();
  if (std::string_view("#>[~-+*_|:(%").find(first) != std::string_view::npos) return true;
  std::size_t end = 0;
  while (end < text.size() && is_ascii_alnum(text[end])) ++end;
  return end > 0 && end < text.size() && (text[end] == '.' || text[end] == ')');
}

// True when TextEscaper would return `text` unchanged, which is the case for
// most text (no character that could be markup, no blank at an edge of the
// line, no block start): checked in one quick pass instead.
bool needs_no_escaping(std::string_view text, const TextPlace& place) {
  if (text.empty()) return true;
  if ((place.line_start || place.link_text) && is_blank(text.front())) return false;
  if (place.line_start && place.block_rules && may_start_block(text)) return false;
  if ((place.line_end || place.link_text) && is_blank(text.back())) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!maybe_markup_table[byte]) continue;
    if (!contextual_markup_table[byte] || contextual_markup_at(text, i)) return false;
  }
  return true;
}

std::string escape_text(std::string_view text, const TextPlace& place) {
  if (needs_no_escaping(text, place)) return std::string(text);
  return TextEscaper(text, place).run();
}

// ---- Link destinations ----

std::string link_destination(std::string_view url) {
  bool angle = false;
  for (const char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) angle = true;
  std::string out = angle ? "<" : "";
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == '\n' || c == '\r' || c == '\t') {
      // No destination holds a line ending; parsers disagree about tabs.
      out += fmt::format("%{:02X}", static_cast<int>(c));
      continue;
    }
    if (c == '&' && starts_reference(url, i)) {
      // cmark decodes references in destinations before it removes
      // backslashes, so "\\&" would not protect one; "&amp;" always does.
      out += "&amp;";
      continue;
    }
    const bool escape = c == '\\' || c == '<' || c == '>' || (!angle && (c == '(' || c == ')'));
    if (escape) out += '\\';
    out += c;
  }
  if (angle) out += '>';
  return out;
}

// ---- Runs ----

struct Piece {
  InlineKind kind = InlineKind::text;
  std::string text;
  std::string target;
  char delimiter = 0;  ///< Emphasis and strong: '*' or '_' once decided.
};

bool is_formatting(InlineKind kind) {
  return kind == InlineKind::emphasis || kind == InlineKind::strong;
}

void append_piece(std::vector<Piece>& pieces, InlineKind kind, std::string text,
                  std::string target = {}) {
  if (text.empty()) return;
  if (!pieces.empty() && pieces.back().kind == kind && pieces.back().target == target) {
    pieces.back().text += text;
    return;
  }
  pieces.push_back(Piece{kind, std::move(text), std::move(target), 0});
}

// Where the first byte of `text` is that is not printable ASCII (0x20-0x7F),
// or text.size(). Looks at eight bytes at a time with the word-at-a-time
// tests of "Bit Twiddling Hacks" (hasless): almost all text is such ASCII,
// and every byte of every article passes here.
std::size_t printable_ascii_prefix(std::string_view text) {
  constexpr std::uint64_t every_byte_1 = 0x0101010101010101;
  constexpr std::uint64_t every_byte_80 = 0x8080808080808080;
  std::size_t pos = 0;
  for (; pos + 8 <= text.size(); pos += 8) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, text.data() + pos, sizeof chunk);
    const bool any_above_7f = (chunk & every_byte_80) != 0;
    const bool any_below_20 = ((chunk - every_byte_1 * 0x20) & ~chunk & every_byte_80) != 0;
    if (any_above_7f || any_below_20) break;
  }
  while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x20 &&
         static_cast<unsigned char>(text[pos]) < 0x80)
    ++pos;
  return pos;
}

// xml_safe(text), without its character-by-character copy when the text is
// already safe (almost always). ASCII, most text, is checked without decoding:
// only C0 controls other than tab, LF and CR are not allowed there; from the
// first other byte on, is_xml_safe() decides.
std::string xml_safe_text(std::string_view text) {
  std::size_t pos = printable_ascii_prefix(text);
  while (pos < text.size() && (text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
    pos += 1 + printable_ascii_prefix(text.substr(pos + 1));
  if (pos == text.size() ||
      (static_cast<unsigned char>(text[pos]) >= 0x80 && is_xml_safe(text.substr(pos))))
    return std::string(text);
  return xml_safe(text);
}

// Runs as they can be written: empty ones dropped, links without a target
// made text, whitespace at the edges of emphasis moved outside (CommonMark
// delimiters cannot have whitespace on their inner side), neighbours of the
// same kind joined.
std::vector<Piece> normalise(const Inlines& inlines) {
  constexpr std::string_view edge_space = " \t\n\r";
  std::vector<Piece> pieces;
  for (const auto& run : inlines) {
    std::string text = xml_safe_text(run.text);
    // Parsers drop or mangle whitespace at the edges of a destination.
    std::string target = xml_safe_text(trim(run.target));
    if (run.kind == InlineKind::link && !target.empty()) {
      append_piece(pieces, run.kind, std::move(text), std::move(target));
    } else if (is_formatting(run.kind)) {
      const auto first = text.find_first_not_of(edge_space);
      if (first == std::string::npos) {
        append_piece(pieces, InlineKind::text, std::move(text));
        continue;
      }
      const auto last = text.find_last_not_of(edge_space);
      append_piece(pieces, InlineKind::text, text.substr(0, first));
      append_piece(pieces, run.kind, text.substr(first, last + 1 - first));
      append_piece(pieces, InlineKind::text, text.substr(last + 1));
    } else {
      append_piece(pieces, InlineKind::text, std::move(text));
    }
  }
  return pieces;
}

// The classes the first / last written character of pieces[i] may have.
Classes first_classes(const std::vector<Piece>& pieces, std::size_t i) {
  const Piece& piece = pieces[i];
  if (piece.kind == InlineKind::link) return punct;  // '['
  const char c = piece.text.front();
  if (piece.kind == InlineKind::text) {
    const bool is_only_char_of_line_end = i + 1 == pieces.size() && piece.text.size() == 1;
    if (is_line_ending(c) || (is_blank(c) && (i == 0 || is_only_char_of_line_end)))
      return punct;  // written as a character reference, "&#...;"
  }
  const Classes own = classes_of(first_code_point(piece.text));
  return is_formatting(piece.kind) ? (own | punct) : own;  // its delimiter, or plain text
}

Classes last_classes(const std::vector<Piece>& pieces, std::size_t i) {
  const Piece& piece = pieces[i];
  if (piece.kind == InlineKind::link) return punct;  // ')'
  if (is_formatting(piece.kind) && piece.delimiter != 0) return punct;
  const char c = piece.text.back();
  if (piece.kind == InlineKind::text) {
    const bool is_only_char_of_line_start = i == 0 && piece.text.size() == 1;
    if (is_line_ending(c) ||
        (is_blank(c) && (i + 1 == pieces.size() || is_only_char_of_line_start)))
      return punct;
  }
  return classes_of(last_code_point(piece.text));
}

// Picks a delimiter for each emphasis/strong piece that CommonMark will read
// as such in its context, or makes it plain text. '*' is tried first; '_'
// when '*' would run into the closing '*' of the piece before, and a blank
// precedes (as Pandoc's Markdown needs).
void choose_delimiters(std::vector<Piece>& pieces) {
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece& piece = pieces[i];
    if (!is_formatting(piece.kind)) continue;
    const Classes before = i == 0 ? Classes{space} : last_classes(pieces, i - 1);
    const Classes after = i + 1 == pieces.size() ? Classes{space} : first_classes(pieces, i + 1);
    const Classes content_first = classes_of(first_code_point(piece.text));
    const Classes content_last = classes_of(last_code_point(piece.text));
    const char previous_delimiter = i > 0 ? pieces[i - 1].delimiter : 0;
    for (const char delimiter : {'*', '_'}) {
      if (delimiter == previous_delimiter) continue;
      // Pandoc's Markdown opens '_' only after a blank (not after "*a*").
      if (delimiter == '_' && before != Classes{space}) continue;
      const bool opens = for_every(before, content_first,
                                   [&](Class b, Class a) { return can_open(delimiter, b, a); });
      const bool closes = for_every(content_last, after,
                                    [&](Class b, Class a) { return can_close(delimiter, b, a); });
      if (opens && closes) {
        piece.delimiter = delimiter;
        break;
      }
    }
    if (piece.delimiter == 0) piece.kind = InlineKind::text;
  }
}

std::vector<Piece> merge_text(std::vector<Piece> pieces) {
  std::vector<Piece> merged;
  for (auto& piece : pieces) {
    if (!merged.empty() && piece.kind == InlineKind::text && merged.back().kind == InlineKind::text)
      merged.back().text += piece.text;
    else
      merged.push_back(std::move(piece));
  }
  return merged;
}

// Heading content ending in '#'s would lose them as the optional closing
// sequence: CommonMark strips those after a blank, Pandoc's Markdown any that
// are not escaped, even after an escaped one ("\\##" loses one). Each '#' of
// the run at the end is written escaped.
void protect_heading_end(std::string& line) {
  std::size_t start = line.size();
  std::size_t marks = 0;
  while (start > 0 && line[start - 1] == '#') {
    std::size_t slashes = 0;  // backslashes right before it: an odd count escapes it
    while (start - 1 > slashes && line[start - 2 - slashes] == '\\') ++slashes;
    start -= slashes % 2 == 1 ? 2 : 1;
    ++marks;
  }
  if (marks == 0) return;
  line.resize(start);
  for (std::size_t i = 0; i < marks; ++i) line += "\\#";
}

}  // namespace

std::string render_inlines(const Inlines& inlines, LineKind kind) {
  std::vector<Piece> pieces = normalise(inlines);
  choose_delimiters(pieces);
  pieces = merge_text(std::move(pieces));
  std::string line;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    TextPlace place;
    if (piece.kind == InlineKind::text) {
      place.line_start = i == 0;
      place.line_end = i + 1 == pieces.size();
      place.block_rules = kind == LineKind::paragraph;
      place.before_link = i + 1 < pieces.size() && pieces[i + 1].kind == InlineKind::link;
      line += escape_text(piece.text, place);
    } else if (piece.kind == InlineKind::link) {
      place.link_text = true;
      line += '[' + escape_text(piece.text, place) + "](" + link_destination(piece.target) + ')';
    } else {
      const std::string delimiters(piece.kind == InlineKind::strong ? 2 : 1, piece.delimiter);
      line += delimiters + escape_text(piece.text, place) + delimiters;
    }
  }
  if (kind == LineKind::heading) protect_heading_end(line);
  return line;
}

std::string render_text(std::string_view text, LineKind kind) {
  return render_inlines(text_run(std::string(text)), kind);
}

namespace {

// Characters that may not start a continuation line: they could start a
// block (list item, heading, quote, thematic break, setext underline, fence,
// HTML) and a paragraph would be cut short.
bool may_start_continuation(char c) {
  constexpr std::string_view block_starters = "#>-+*=_~`<[|:(%";
  return !is_ascii_digit(c) && block_starters.find(c) == std::string_view::npos;
}

// True when `text` starts with what Pandoc's Markdown takes for a list marker
// made of letters ("a) ", "B. ", "iv. "): a continuation line of a list item
// starting so would be a nested list.
bool starts_letter_list_marker(std::string_view text) {
  const auto is_roman = [](char c) {
    return std::string_view("ivxlcdmIVXLCDM").find(c) != std::string_view::npos;
  };
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t end = 0;
  while (end < text.size() && is_roman(text[end])) ++end;
  if (end == 0 && !text.empty() && is_letter(text[0])) end = 1;
  if (end == 0 ||
      (end > 1 &&
       !std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), is_roman)))
    return false;
  return end < text.size() && (text[end] == '.' || text[end] == ')') &&
         (end + 1 == text.size() || is_blank(text[end + 1]));
}

// Positions of the spaces in `line` where it may be broken: single literal
// spaces outside link destinations, not after a backslash (a backslash at the
// end of a line is a hard line break).
std::vector<std::size_t> break_points(std::string_view line) {
  std::vector<std::size_t> points;
  bool in_destination = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\' && i + 1 < line.size() && is_ascii_punct(line[i + 1])) {
      ++i;  // an escaped character is text
      continue;
    }
    if (in_destination) {
      in_destination = c != '>';
      continue;
    }
    if (c == ']' && line.substr(i, 3) == "](<") {
      in_destination = true;
      i += 2;
      continue;
    }
    if (c != ' ' || i == 0 || i + 1 >= line.size()) continue;
    // "*** x" is a paragraph, "***" alone a thematic break.
    if (line.find_first_not_of("-*_ \t") >= i) continue;
    const char before = line[i - 1];
    const char after = line[i + 1];
    if (!is_blank(before) && before != '\\' && !is_blank(after) && may_start_continuation(after) &&
        !starts_letter_list_marker(line.substr(i + 1)))
      points.push_back(i);
  }
  return points;
}

std::size_t display_length(std::string_view text) {
  std::size_t length = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;
  return length;
}

}  // namespace

std::vector<std::string> wrap_line(std::string_view line, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  std::optional<std::size_t> last_fitting;  // the last break point that keeps the line short
  const auto fits = [&](std::size_t end) {
    return display_length(line.substr(start, end - start)) <= width;
  };
  const auto break_at = [&](std::size_t point) {
    lines.emplace_back(line.substr(start, point - start));
    start = point + 1;
    last_fitting.reset();
  };
  for (const std::size_t point : break_points(line)) {
    if (fits(point)) {
      last_fitting = point;
      continue;
    }
    if (last_fitting) break_at(*last_fitting);
    if (fits(point))
      last_fitting = point;
    else
      break_at(point);  // one word longer than the width: it gets a line of its own
  }
  if (last_fitting && !fits(line.size())) break_at(*last_fitting);
  lines.emplace_back(line.substr(start));
  return lines;
}

}  // namespace docconv::markdown
