// news-text: the rules that classify one line (or one joined paragraph) of a
// news dump. Each rule looks at the text it is given and, where it says so,
// at its neighbours; the reader (reader.cpp) decides in which order to ask.
// All rules are linear in the length of their input and most give up early
// on long text, so a 50 MB line costs no more than reading it.
#pragma once

#include "language.hpp"
#include "phrase_rules.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

// ---- Site chrome --------------------------------------------------------

/// A whole line of the built-in [chrome] table (rules/default.rules):
/// "All news", "Subscribe", "Newsfeed", "log in or register", ...
bool is_chrome_phrase(std::string_view line);

/// A line that is only a number ("0": a comment counter).
bool is_counter(std::string_view line);

// ---- Sentences and titles ----------------------------------------------

/// True when `text` ends a sentence or clause: . ! ? … : ; , possibly followed
/// by closing quotes or brackets.
bool ends_with_closing_punctuation(std::string_view text);

/// True when `text` ends a sentence: . ! ? … 。, possibly followed by closing
/// quotes or brackets (not : ; , as ends_with_closing_punctuation() also takes).
bool ends_like_sentence(std::string_view text);

/// Quote marks that open a quotation, and the ¿ ¡ that open Spanish sentences.
bool is_opening_quote(char32_t cp);

/// The first line of a dump is the title when it is short (at most 250
/// characters), does not end like a sentence (. , : ;) and is not another
/// kind of line (list item, READ MORE, credit, chrome).
bool looks_like_title(std::string_view line);

/// The first sentence of `text` (abbreviations like "U.S." and "Mr." do not end it).
std::string_view first_sentence(std::string_view text);

/// A title made from a lead paragraph: its first sentence without the final
/// period, cut at a word boundary to at most `max_length` characters with "…".
std::string derive_title(std::string_view lead, std::size_t max_length = 100);

/// A summary line as sites put under a title: at least six words, at most
/// 400 characters, no closing punctuation ("Lavrov believes that ... in the Balkans").
bool looks_like_summary(std::string_view line);

/// A subheading by its text alone: 1-15 words, at most 120 characters,
/// starting with an upper-case letter, a digit or an opening quote mark, not
/// ending like a sentence (a question or a closed quotation may), not chrome,
/// a related link or a credit. Whether it sits between paragraphs is for the
/// reader to check.
bool looks_like_subheading(std::string_view line,
                           const PhraseRules& rules = PhraseRules::defaults());

// ---- Related links, lists, quotations ----------------------------------

/// "READ MORE: <headline>", "Lire aussi : <headline>" (a label of the
/// table's [related] section, then a colon or dash) -> the headline.
std::optional<std::string_view> related_headline(
    std::string_view line, const PhraseRules& rules = PhraseRules::defaults());

/// "- text", "* text", "• text" -> the text.
std::optional<std::string_view> bullet_item(std::string_view line);

/// "- Un premier pas -", "– Quelle application ? –": a subheading between
/// dashes, as agency wire copy writes them -> the text.
std::optional<std::string_view> dashed_subheading(std::string_view line);

/// "> text" -> the text.
std::optional<std::string_view> quoted_line(std::string_view line);

// ---- Photo captions and credits ----------------------------------------

struct PhotoCaption {
  std::string caption;
  std::string credit;
  /// The mark before the credit as written: "|", "©", "(c)"; empty if none.
  std::string credit_mark;
  /// The whole line as written when it held more than caption, credit and
  /// mark (a photo-bank link glued to the caption); empty otherwise.
  std::string as_written;
};

/// "© AP Photo/Czarek Sokolowski" -> "AP Photo/Czarek Sokolowski";
/// "Photo: John Smith" -> itself. Short lines only.
/// Also a label of the table's [credit] section followed by ':' or ','
/// ("Photograph: Name/Getty Images", "Image source, Getty Images"), and
/// "(Photo by Name/AFP)", "Name/AFP via Getty Images".
std::optional<std::string> credit_line(std::string_view line,
                                       const PhraseRules& rules = PhraseRules::defaults());

/// The copyright mark a credit line starts with, as written ("©", "(c)",
/// "(C)"), or "" ("Photo: ..." keeps its label as part of the credit).
std::string_view credit_mark(std::string_view line);

/// What `line` holds before `part`, a view into it, trimmed: the marker of
/// a bullet item, a quoted line or a READ MORE line.
std::string_view text_before(std::string_view line, std::string_view part);

/// A caption the page marks as one: Sputnik's "© Sputnik / Stringer / Go to
/// the mediabankCAPTION", a gallery's "[1/2] CAPTION".
std::optional<PhotoCaption> marked_caption(std::string_view line);

/// "CAPTION (CREDIT)" where the bracketed credit says what it is: a slash
/// ("(Xinhua/Li Ming)", "(AP Photo/Name)"), a colon ("(ABC North Qld: Name)"),
/// a photo word ("(foto Fotogramma)") or an agency. `as_written` keeps the line.
std::optional<PhotoCaption> bracketed_credit_caption(
    std::string_view line, const PhraseRules& rules = PhraseRules::defaults());

/// "CAPTION. CREDIT" where the last short sentence names a photo credit
/// ("... у Києві. Фото: Укрзалізниця", "... Архивное фото", "... Photo by the
/// author."). `as_written` keeps the line.
std::optional<PhotoCaption> trailing_credit_caption(
    std::string_view line, const PhraseRules& rules = PhraseRules::defaults());

/// "CAPTION | CREDIT" with a short credit. With `require_credit_word`, the
/// credit must also say what it is (photo, snapshot, ©, an agency, a slash).
std::optional<PhotoCaption> piped_caption(std::string_view line, bool require_credit_word);

/// "CAPTION CREDIT" glued by the scraper: CREDIT is `known_credit` (seen on a
/// "©" line nearby) or an "Agency Photo/Name" credit.
std::optional<PhotoCaption> glued_caption(std::string_view line, std::string_view known_credit);

/// A line short enough to be a caption above a credit line.
bool looks_like_caption(std::string_view line);

enum class Duplicate { none, caption, credit };

/// Whether `line` repeats the caption or credit of `figure`, allowing a
/// leading "©" and a trailing " - Site Name".
Duplicate duplicate_of(std::string_view line, const PhotoCaption& figure);

// ---- Layout -------------------------------------------------------------

/// Lines that always start a unit of their own, even in hard-wrapped text.
bool starts_own_unit(std::string_view line, const PhraseRules& rules = PhraseRules::defaults());

}  // namespace docconv::news_text
