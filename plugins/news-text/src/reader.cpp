#include "reader.hpp"

#include "byline.hpp"
#include "dateline.hpp"
#include "decode.hpp"
#include "language.hpp"
#include "layout.hpp"
#include "phrase_rules.hpp"
#include "rules.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>

namespace docconv::news_text {
namespace {

// How many units after a figure may still repeat its caption or credit.
constexpr std::size_t duplicate_window = 3;
// How many units above the body the headline is looked for.
constexpr std::size_t head_window = 40;

// What one unit is by itself, before its place in the page is known.
enum class Shape : std::uint8_t { prose, text, chrome, byline, timestamp, furniture_like };

// Why a unit of Shape::chrome is chrome; the reason's text is made only for
// the units removed (see chrome_reason()), not kept in every unit's facts.
enum class ChromeKind : std::uint8_t { none, phrase, reading_time, menu, repeated };

// One per unit of the page, so kept small: a page of short menu lines has as
// many units as bytes / 8, and this is most of what reading it costs.
struct UnitFacts {
  Shape shape = Shape::text;
  ChromeKind chrome = ChromeKind::none;  // for Shape::chrome
  bool repeated_in_set = false;
  // facts_of() found no marked or labelled caption, nor (in a short unit) a
  // bracketed or trailing credit: read_figure() and neighbours need not ask.
  bool caption_forms_absent = false;
  std::uint32_t words = 0;           // up to 200
  std::uint32_t inputs_holding = 0;  // for ChromeKind::repeated
  PartialDate date;
  std::vector<std::string> authors;
  // Asked of a unit many times (its neighbours ask too): computed once.
  std::optional<std::string> credit;        // credit_line()
  std::optional<std::string_view> related;  // related_headline(), a view into the unit
};

// "© 2025 City Herald", "(c) 2024 Example Media": a copyright footer, not a
// photo credit ("© AP Photo/Name").
bool copyright_notice(std::string_view text) {
  const std::string_view mark = credit_mark(text);
  if (mark.empty()) return false;
  const std::string_view rest = trim(text.substr(mark.size()));
  return rest.size() >= 4 &&
         std::all_of(rest.begin(), rest.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

// A line that is only links of a menu: "Home | World | Business | Sport".
bool is_menu_line(std::string_view text) {
  std::size_t separators = 0;
  for (const std::string_view mark :
       {"|", "\xC2\xB7", "\xE2\x80\xA2", "/", ">", "\xE2\x80\xBA", "\xC2\xBB"}) {
    for (std::size_t at = find_spaced(text, mark); at != std::string_view::npos;
         at = find_spaced(text, mark, at + mark.size() + 2))
      ++separators;
  }
  return separators >= 2 && count_words(text) <= 4 * (separators + 1) && !ends_like_sentence(text);
}

// Lines worth counting across a set: not blank, not huge.
bool is_census_line(std::string_view line) {
  return !line.empty() && line.size() <= 400 && first_word_character(line) != 0;
}

// How many inputs of the set must hold a line for it to be the sites' furniture.
bool repeated_in_set(const LineCensus* census, std::string_view line, std::size_t& count) {
  if (census == nullptr || census->inputs() < 3 || !is_census_line(line)) return false;
  count = census->inputs_with(fold_hash(line));
  return count >= 3 && count * 50 >= census->inputs();
}

// Whether `text` ends with the words `tail` (after a space).
bool ends_with_words(std::string_view text, std::string_view tail) {
  return text.size() > tail.size() && text.ends_with(tail) &&
         text[text.size() - tail.size() - 1] == ' ';
}

// Walks the units of one page: classifies each by itself, finds the article's
// body as the densest run of prose, the head above it (headline, standfirst,
// bylines, figures) and the furniture around.
class ArticleBuilder {
 public:
  ArticleBuilder(std::string_view text, Layout layout, const ReaderOptions& options,
                 const PhraseRules& rules, const LineCensus* census, bool keep_labels)
      : layout_(std::move(layout)),
        units_(layout_.units),
        options_(options),
        rules_(rules),
        census_(census),
        script_(dominant_script(text)),
        keep_labels_(keep_labels) {
    document_.metadata.language = detect_language(text, script_);
    if (layout_.wrap_width > 0)
      document_.metadata.extras["wrap_width"] = std::to_string(layout_.wrap_width);
    for (const Unit& unit : units_) ++copies_in_page_[unit.text];
    facts_.reserve(units_.size());
    for (const Unit& unit : units_) facts_.push_back(facts_of(unit));
    // A unit makes about one block (some are joined, few split): sized once,
    // the vector is not copied as it grows, which on a page of menu lines
    // held three times the blocks at the peak.
    document_.blocks.reserve(units_.size());
    if (keep_labels_) labels_.reserve(units_.empty() ? 0 : units_.back().lines.last + 1);
  }

  ArticleBuilder(const ArticleBuilder&) = delete;
  ArticleBuilder& operator=(const ArticleBuilder&) = delete;

  Document build() {
    find_body();
    widen_body_for_overrides();
    body_has_blank_lines_ = blank_lines_part_body();
    const std::size_t title = options_.find_title ? find_title() : body_start_;
    // Without a headline, what is above the body is the page's head all the same.
    if (title < body_start_) {
      read_above_title(title);
      take_title(title);
    }
    read_head(title < body_start_ ? title + 1 : 0);
    if (document_.metadata.title.empty() && options_.find_title) take_first_unit_as_title();
    while (next_ <= body_end_ && next_ < units_.size()) read_body_unit();
    read_tail();
    if (document_.metadata.title.empty()) derive_title_from_lead();
    complete_date();
    return std::move(document_);
  }

  static bool has_content(const Document& document) {
    if (!document.metadata.title.empty() || !document.metadata.standfirst.empty()) return true;
    for (const Block& block : document.blocks)
      if (!std::holds_alternative<Removed>(block.content)) return true;
    return false;
  }

  /// Each line's label and reason, for LineReport (blank lines are not in units).
  const std::vector<std::pair<std::string_view, std::string>>& line_labels() const {
    return labels_;
  }

 private:
  // ---- what each unit is by itself ----

  std::string chrome_reason(const UnitFacts& facts) const {
    switch (facts.chrome) {
      case ChromeKind::reading_time:
        return "site chrome: reading time";
      case ChromeKind::menu:
        return "site chrome: menu";
      case ChromeKind::repeated:
        return "repeated in " + std::to_string(facts.inputs_holding) + " of " +
               std::to_string(census_ ? census_->inputs() : 0) + " inputs";
      case ChromeKind::none:
      case ChromeKind::phrase:
        break;
    }
    return "site chrome";
  }

  UnitFacts facts_of(const Unit& unit) const {
    UnitFacts facts;
    const std::string& text = unit.text;
    // The body's score counts no more than 200 words.
    facts.words = static_cast<std::uint32_t>(count_words_up_to(text, 200));
    // Credits, related links, captions and menus are short: the rules for
    // them are not asked of long paragraphs (most of a page's bytes).
    const bool short_text = facts.words <= 60;
    if (facts.words <= 14) facts.credit = credit_line(text, rules_);
    if (short_text) facts.related = related_headline(text, rules_);
    std::size_t count = 0;
    if (options_.remove_chrome) {
      if (rules_.is_whole(PhraseKind::chrome, text)) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::phrase;
        return facts;
      }
      if ((rules_.prefix_length(PhraseKind::chrome_start, text) > 0 || copyright_notice(text)) &&
          facts.words <= 40) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::phrase;
        return facts;
      }
      // "– FIN –", "- END -": a press release's end mark between dashes.
      if (const auto inner = dashed_subheading(text);
          inner && rules_.is_whole(PhraseKind::chrome, *inner)) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::phrase;
        return facts;
      }
      if (is_reading_time(text, rules_)) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::reading_time;
        return facts;
      }
      if (short_text && is_menu_line(text) && !piped_caption(text, true)) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::menu;
        return facts;
      }
    }
    if (is_wire_signoff(text)) {
      facts.credit.reset();
      facts.shape = Shape::byline;
      return facts;
    }
    // A byline or time stamp is no photo credit, whatever its label
    // ("Source: Xinhua | 2025-03-12 16:42 | Editor: ...").
    if (auto authors = parse_byline(text, rules_)) {
      facts.credit.reset();
      facts.shape = Shape::byline;
      facts.authors = std::move(*authors);
      facts.date = find_date(text, rules_);
      return facts;
    }
    if (auto date = parse_timestamp(text, rules_)) {
      facts.credit.reset();
      facts.shape = Shape::timestamp;
      facts.date = *date;
      return facts;
    }
    // "Source: Xinhua | 2025-03-12 16:42:10 | Editor: ...": a full date makes a
    // source line the page's time stamp; photo credits carry no dates.
    // "Source: City Herald | 2025-03-12 16:42:10 | Editor: ...": with a full
    // date, a source line is the page's time stamp; photo credits carry no dates.
    if (facts.credit) {
      const PartialDate date = find_date(text, rules_);
      if (date.year != 0 && date.month != 0 && date.day != 0) {
        facts.credit.reset();
        facts.shape = Shape::timestamp;
        facts.date = date;
        return facts;
      }
    }
    if (options_.remove_chrome && repeated_in_set(census_, text, count)) {
      facts.repeated_in_set = true;
      // Prose (syndicated copy) and headlines (other pages list this one's
      // under "Most read") recur too without being furniture.
      const bool prose = facts.words >= 12 && ends_like_sentence(text);
      // A question is a headline too ("Why can't I find a dentist?").
      const char32_t last = last_code_point(text);
      const bool headline = facts.words >= 5 && last != '.' && last != ':';
      if (!prose && !headline) {
        facts.shape = Shape::chrome;
        facts.chrome = ChromeKind::repeated;
        facts.inputs_holding = static_cast<std::uint32_t>(count);
        return facts;
      }
    }
    if (bullet_item(text) || quoted_line(text) || facts.related || facts.credit ||
        rules_.prefix_length(PhraseKind::caption, text) > 0 || marked_caption(text) ||
        (short_text &&
         (piped_caption(text, true) || glued_caption(text, {}) ||
          bracketed_credit_caption(text, rules_) || trailing_credit_caption(text, rules_)))) {
      facts.shape = Shape::furniture_like;
      return facts;
    }
    facts.caption_forms_absent = true;
    const bool sentence = ends_like_sentence(text);
    if ((facts.words >= 8 && sentence) || facts.words >= 20 ||
        (facts.words >= 4 && sentence && text.back() != '.'))
      facts.shape = Shape::prose;
    return facts;
  }

  // A byline that says it is one ("Reporting by ...", "Автори: ...", "By ..."),
  // as articles end with: not a name that happens to stand there.
  bool signed_byline(std::string_view text) const {
    if (text.starts_with('(')) text.remove_prefix(1);  // "(Reportage A, édité par B)"
    return rules_.prefix_length(PhraseKind::byline_trailer, text) > 0 ||
           rules_.prefix_length(PhraseKind::byline, text) > 0 || is_wire_signoff(text);
  }

  long score_of(std::size_t index) const {
    const UnitFacts& facts = facts_[index];
    const long words = static_cast<long>(std::min<std::size_t>(facts.words, 200));
    switch (facts.shape) {
      case Shape::prose:
        return facts.repeated_in_set ? 0 : words;
      case Shape::chrome:
        return -(8 + words);
      case Shape::byline:
      case Shape::timestamp:
        return -4;
      case Shape::furniture_like:
        return -1;
      case Shape::text:
        return -(2 + words / 2);
    }
    return 0;
  }

  // The body: the run of units with the largest sum of scores (prose counts its
  // words, furniture and short lines count against), as BTE-like extractors do.
  void find_body() {
    long best = 0, sum = 0;
    std::size_t start = 0;
    body_start_ = units_.size();
    body_end_ = 0;
    bool found = false;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (sum <= 0) {
        sum = 0;
        start = i;
      }
      sum += score_of(i);
      if (sum > best) {
        best = sum;
        body_start_ = start;
        body_end_ = i;
        found = true;
      }
    }
    if (!found) {
      // No prose at all (a short note, a list): everything between the first
      // and the last unit that is neither chrome nor a counter; none when all are.
      const auto furniture = [&](std::size_t i) {
        return facts_[i].shape == Shape::chrome || is_counter(units_[i].text);
      };
      body_start_ = 0;
      while (body_start_ < units_.size() && furniture(body_start_)) ++body_start_;
      if (body_start_ == units_.size()) return;  // body_end_ 0: no body
      body_end_ = units_.size() - 1;
      while (body_end_ > body_start_ && furniture(body_end_)) --body_end_;
      return;
    }
    extend_body_end();
  }

  // What closes the article may score below zero and still belong to it: a
  // list or lines the last paragraph introduces (with a colon), bullets,
  // quotations, related links, captions, and a single short line. Chrome, a
  // trailer, or the start of a run of short lines (a list of headlines, tags)
  // end it.
  void extend_body_end() {
    bool introduced = false;
    while (body_end_ + 1 < units_.size()) {
      const std::size_t next = body_end_ + 1;
      const UnitFacts& facts = facts_[next];
      introduced = introduced || trim(units_[body_end_].text).ends_with(":");
      const bool trailer = facts.shape == Shape::byline && signed_byline(units_[next].text);
      if (facts.shape == Shape::chrome || trailer || facts.repeated_in_set) return;
      const bool short_unit = facts.shape == Shape::text;
      const bool run_starts =
          short_unit && next + 1 < units_.size() && facts_[next + 1].shape == Shape::text;
      const std::string& text = units_[next].text;
      // A lone number after the text is a counter ("0" comments); numbers in a
      // run the text introduces are figures.
      const bool counter = is_counter(text) && !introduced;
      const bool introduces = trim(text).ends_with(":");
      const bool attached = facts.shape == Shape::furniture_like ||
                            (short_unit && !counter && (introduced || introduces || !run_starts));
      if (!attached) return;
      if (!short_unit) introduced = false;
      body_end_ = next;
    }
  }

  // Whether the text's paragraphs stand between blank lines (a blank line or
  // two in the page's head say nothing of it).
  bool blank_lines_part_body() const {
    if (!layout_.has_blank_lines) return false;
    std::size_t units = 0, blank_before = 0;
    for (std::size_t i = body_start_; i <= body_end_ && i < units_.size(); ++i) {
      ++units;
      blank_before += units_[i].blank_before;
    }
    return units < 4 || 2 * blank_before >= units;
  }

  // --keep-chrome: the whole page is the article (the first line its title, as
  // before). --no-title: the page's head is text too, from its first line that
  // is not chrome.
  void widen_body_for_overrides() {
    if (units_.empty()) return;
    if (!options_.remove_chrome) {
      body_start_ = 0;
      body_end_ = units_.size() - 1;
    } else if (!options_.find_title) {
      std::size_t first = 0;
      while (first < body_start_ && facts_[first].shape == Shape::chrome) ++first;
      body_start_ = first;
    }
  }

  // ---- the head ----

  // Asked of each head line many times (its neighbours' scores ask too).
  // Only while the title is looked for: byline_in_head() reads the document
  // being built, which is still empty then, so the answers stay true.
  bool headline_shaped(std::size_t index) const {
    if (headline_shaped_.size() != units_.size()) headline_shaped_.assign(units_.size(), -1);
    if (headline_shaped_[index] < 0) headline_shaped_[index] = is_headline_shaped(index);
    return headline_shaped_[index] != 0;
  }

  // fold_phrase() of a unit: head lines are compared with their neighbours
  // and with the whole page while the title is looked for.
  const std::string& folded_text(std::size_t index) const {
    const auto [at, added] = folded_.try_emplace(index);
    if (added) at->second = fold_phrase(units_[index].text);
    return at->second;
  }

  bool is_headline_shaped(std::size_t index) const {
    const UnitFacts& facts = facts_[index];
    const std::string& text = units_[index].text;
    if (facts.shape == Shape::chrome || facts.shape == Shape::byline ||
        facts.shape == Shape::timestamp || facts.shape == Shape::furniture_like)
      return false;
    if (facts.words < 2 || facts.words > 30) return false;
    // A headline may end with a period when the page repeats it (a share bar).
    if (!looks_like_title(text) &&
        !(last_code_point(text) == '.' && facts.words <= 20 && repeated_in_page(index) &&
          looks_like_title(text.substr(0, text.size() - 1))))
      return false;
    if (parse_dateline(text, rules_) || has_numeric_date(text, rules_)) return false;
    if (is_figure_part(index) && !headline_above_credit(index)) return false;
    // The author's role under a byline ("Health reporter, BBC News").
    if (index > 0 && facts_[index - 1].shape == Shape::byline && byline_in_head(index))
      return false;
    const char32_t first = first_code_point(text);
    return is_upper(first) || is_opening_quote(first) || (first >= '0' && first <= '9') ||
           !is_lower(first);
  }

  // A line of five words or more with no final punctuation right above a bare
  // credit: a headline over a photo with no caption, or a caption; title_score
  // weighs it low.
  bool headline_above_credit(std::size_t index) const {
    const std::string& text = units_[index].text;
    return credits_line_above(index) && facts_[index].words >= 5 &&
           !ends_with_closing_punctuation(text) && !marked_caption(text) &&
           !piped_caption(text, true) && !glued_caption(text, credit_after(index));
  }

  bool repeated_in_page(std::size_t index) const {
    return copies_in_page_.at(units_[index].text) >= 2;
  }

  // A caption: above a credit line, with a credit glued or piped on, or the
  // repeat of a figure line nearby.
  bool is_figure_part(std::size_t index) const {
    const std::string& text = units_[index].text;
    if (credits_line_above(index)) return true;
    if ((!facts_[index].caption_forms_absent && marked_caption(text)) ||
        piped_caption(text, true) || glued_caption(text, credit_after(index)))
      return true;
    for (std::size_t i = index >= 3 ? index - 3 : 0; i < units_.size() && i <= index + 3; ++i) {
      if (i == index) continue;
      if (facts_[i].credit || (!facts_[i].caption_forms_absent && marked_caption(units_[i].text)) ||
          glued_caption(units_[i].text, credit_after(i))) {
        const std::string_view line = folded_text(index);
        if (folded_text(i).find(line.substr(0, line.rfind(" - "))) != std::string::npos)
          return true;
      }
    }
    return false;
  }

  bool is_short_line(std::size_t index) const {
    return index < units_.size() && facts_[index].words <= 3 && facts_[index].shape != Shape::prose;
  }

  // How much `index` looks like the page's headline: long for a head line,
  // not inside a menu, above the byline, repeated elsewhere in the page.
  long title_score(std::size_t index, std::size_t rank, bool below_credit) const {
    const std::string& text = units_[index].text;
    const std::size_t words = facts_[index].words;
    long score = static_cast<long>(std::min<std::size_t>(words, 12));
    const bool short_before = index > 0 && is_short_line(index - 1);
    const bool short_after = is_short_line(index + 1) && index + 1 < body_start_;
    if (words <= 3 && (short_before || short_after)) score -= 4;
    if (below_credit) score -= 6;
    // A headline stands alone: inside a run of long head lines it is an item
    // of a summary or a list of headlines.
    // (A repeat of the line itself, a breadcrumb, is not another item.)
    const auto long_head_line = [&](std::size_t i) {
      return i < units_.size() && facts_[i].words >= 6 && units_[i].text != text &&
             headline_shaped(i);
    };
    std::size_t run = 1;
    for (std::size_t i = index; i > 0 && run < 3 && long_head_line(i - 1); --i) ++run;
    for (std::size_t i = index + 1; run < 3 && long_head_line(i); ++i) ++run;
    if (run >= 3) score -= 4;
    if (headline_above_credit(index)) score -= 3;
    // Right above a longer summary (the standfirst), a line is the headline.
    if (index + 1 < body_start_ && facts_[index + 1].words >= 10 &&
        facts_[index + 1].words >= words + 4 &&
        (facts_[index + 1].shape == Shape::text || facts_[index + 1].shape == Shape::prose) &&
        is_upper(first_code_point(units_[index + 1].text)))
      score += 3;
    // Right under another headline-shaped line, a summary is the standfirst:
    // longer than a headline. (A shorter line above is a kicker, "Autoindustrie".)
    if (index > 0 && headline_shaped(index - 1) && looks_like_summary(text) &&
        facts_[index - 1].words >= 4 && words >= 10 && words > facts_[index - 1].words)
      score -= 6;
    const std::string& line = folded_text(index);
    // The same line twice close together (a breadcrumb or sticky bar ending
    // in the headline, then the headline): the lower one is the headline.
    // A breadcrumb ending in the headline ("Home › Feeds › Headline") next to
    // it: the headline is the shorter line.
    for (std::size_t i = index >= 3 ? index - 3 : 0; i <= index + 3 && i < units_.size(); ++i) {
      const std::string& other = units_[i].text;
      if (i == index || other.size() + 80 < text.size() || other.size() > text.size() + 80)
        continue;
      const std::string& other_line = folded_text(i);
      if (other_line == line)
        score += i < index ? 3 : -3;
      else if (ends_with_words(other_line, line))
        score += 3;
      else if (facts_[i].words >= 3 && ends_with_words(line, other_line))
        score -= 3;
    }
    for (std::size_t i = 0; i < units_.size(); ++i)
      if ((i + 3 < index || i > index + 3) && units_[i].text.size() >= text.size() &&
          units_[i].text.size() <= text.size() + 80 &&
          folded_text(i).find(line) != std::string::npos) {
        score += 3;
        break;
      }
    score -= static_cast<long>(rank) / 2;
    return score;
  }

  std::size_t find_title() {
    if (body_start_ == 0 || body_start_ > units_.size()) return body_start_;
    const std::size_t first = body_start_ > head_window ? body_start_ - head_window : 0;
    // The topmost byline or time stamp of the head: the headline sits above it.
    std::size_t top_credit = body_start_;
    for (std::size_t i = first; i < body_start_; ++i)
      if (facts_[i].shape == Shape::byline || facts_[i].shape == Shape::timestamp) {
        top_credit = i;
        break;
      }
    std::size_t best = body_start_;
    long best_score = -1000;
    std::size_t rank = 0;
    for (std::size_t i = body_start_; i-- > first;) {
      if (!headline_shaped(i)) continue;
      const long score = title_score(i, rank, i > top_credit);
      ++rank;
      if (score > best_score) {
        best = i;
        best_score = score;
      }
    }
    if (best != body_start_) return best;
    // No headline-shaped line: the first line that is not chrome, when it reads
    // as a title ("Title" above a short note).
    for (std::size_t i = 0; i < body_start_; ++i) {
      if (facts_[i].shape == Shape::chrome) continue;
      if (facts_[i].shape != Shape::furniture_like && facts_[i].shape != Shape::byline &&
          facts_[i].shape != Shape::timestamp && looks_like_title(units_[i].text) &&
          !is_counter(units_[i].text) && !parse_dateline(units_[i].text, rules_))
        return i;
      break;
    }
    return body_start_;
  }

  void read_above_title(std::size_t title) {
    for (next_ = 0; next_ < title && next_ < units_.size();) {
      const UnitFacts& facts = facts_[next_];
      if (facts.shape == Shape::byline || facts.shape == Shape::timestamp) {
        read_credit_line(next_);
        ++next_;
      } else {
        remove(units_[next_], facts.shape == Shape::chrome     ? chrome_reason(facts)
                              : is_counter(units_[next_].text) ? "site chrome: counter"
                                                               : "site chrome: above the headline");
        ++next_;
      }
    }
  }

  void take_title(std::size_t index) {
    const Unit& unit = units_[index];
    document_.metadata.title = unit.text;
    document_.metadata.in_source.title = unit.lines;
    label(unit, "title");
    title_text_ = folded_text(index);
    title_unit_ = index;
    next_ = index + 1;
  }

  // Before the first paragraph, when nothing above was the headline: the old
  // rule, the first unit when it reads as one and more text follows.
  void take_first_unit_as_title() {
    if (next_ >= units_.size() || next_ + 1 >= units_.size()) return;
    const Unit& unit = units_[next_];
    const bool only_removed = std::all_of(
        document_.blocks.begin(), document_.blocks.end(),
        [](const Block& block) { return std::holds_alternative<Removed>(block.content); });
    if (facts_[next_].shape == Shape::chrome || facts_[next_].shape == Shape::prose ||
        facts_[next_].shape == Shape::furniture_like || is_counter(unit.text) ||
        parse_dateline(unit.text, rules_) || !looks_like_title(unit.text) || !only_removed)
      return;
    if (next_ >= body_start_) body_start_ = std::min(next_ + 1, body_end_);
    take_title(next_);
  }

  // Between the headline and the body: standfirst, bylines, time stamps,
  // figures and chrome in any order.
  void read_head(std::size_t from) {
    next_ = std::max(next_, from);
    while (next_ < body_start_ && next_ < units_.size()) {
      const Unit& unit = units_[next_];
      const UnitFacts& facts = facts_[next_];
      if (facts.shape == Shape::chrome) {
        remove(unit, chrome_reason(facts));
        ++next_;
      } else if (repeats_title(unit.text)) {
        remove(unit, "site chrome: repeats the headline");
        ++next_;
      } else if (facts.shape == Shape::byline || facts.shape == Shape::timestamp) {
        read_credit_line(next_);
        ++next_;
      } else if (auto authors = byline_in_head(next_)) {
        take_byline(next_, *authors);
        ++next_;
      } else if (read_figure(/*in_head=*/true)) {
      } else if (is_standfirst(next_)) {
        take_standfirst(unit);
        ++next_;
      } else if (place_line(next_)) {
        take_place_line(unit);
        ++next_;
      } else if (starts_body(next_)) {
        break;  // the body starts early: text the score put outside
      } else {
        remove(unit, "site chrome: in the page head");
        ++next_;
      }
    }
    // The body's first unit may be the standfirst.
    if (next_ < units_.size() && next_ <= body_end_ && is_standfirst(next_)) {
      take_standfirst(units_[next_]);
      ++next_;
    }
  }

  // Article text above where the score put the body: prose, a sentence, a
  // line that continues another (lower case first), a list, a quotation, a
  // related link.
  bool starts_body(std::size_t index) const {
    const UnitFacts& facts = facts_[index];
    const std::string& text = units_[index].text;
    if (facts.shape == Shape::prose || facts.shape == Shape::furniture_like) return true;
    if (facts.shape != Shape::text) return false;
    if (parse_dateline(text, rules_)) return true;
    return (facts.words >= 4 && ends_like_sentence(text)) || is_lower(first_code_point(text));
  }

  // "ANKARA" alone right above the first paragraph: the dateline's place on
  // a line of its own.
  bool place_line(std::size_t index) const {
    const std::string& text = units_[index].text;
    if (dateline_seen_ || facts_[index].shape != Shape::text || facts_[index].words > 3 ||
        index + 1 >= units_.size() || facts_[index + 1].shape != Shape::prose ||
        parse_dateline(units_[index + 1].text, rules_))
      return false;
    std::size_t pos = 0, letters = 0;
    while (pos < text.size()) {
      const char32_t cp = next_code_point(text, pos);
      if (is_lower(cp) || (cp >= U'0' && cp <= U'9')) return false;
      letters += is_upper(cp);
    }
    return letters >= 3 && rules_.agency(text).empty();
  }

  void take_place_line(const Unit& unit) {
    dateline_seen_ = true;
    Metadata& metadata = document_.metadata;
    metadata.dateline_place = title_case_place(trim(unit.text));
    metadata.in_source.dateline_text = std::string(trim(unit.text));
    metadata.in_source.dateline = unit.lines;
    label(unit, "dateline");
  }

  bool repeats_title(const std::string& text) const {
    // Folding keeps lengths within a few bytes: most lines are out at once.
    return !title_text_.empty() && text.size() + 16 >= title_text_.size() &&
           text.size() <= title_text_.size() + 16 && fold_phrase(text) == title_text_;
  }

  void take_standfirst(const Unit& unit) {
    document_.metadata.standfirst = unit.text;
    document_.metadata.in_source.standfirst = unit.lines;
    label(unit, "standfirst");
  }

  bool is_standfirst(std::size_t index) const {
    if (document_.metadata.title.empty() || !document_.metadata.standfirst.empty()) return false;
    if (paragraph_seen_) return false;
    const std::string& text = units_[index].text;
    if (starts_own_unit(text, rules_) || parse_dateline(text, rules_) || index + 1 >= units_.size())
      return false;
    if (facts_[index].shape == Shape::chrome || facts_[index].shape == Shape::byline ||
        facts_[index].shape == Shape::timestamp)
      return false;
    // The next unit that is not a byline, time stamp or figure.
    std::size_t after = index + 1;
    while (after < units_.size() && after <= index + 10 &&
           (facts_[after].shape == Shape::byline || facts_[after].shape == Shape::timestamp ||
            facts_[after].shape == Shape::chrome || facts_[after].credit))
      ++after;
    const bool before_dateline = after < units_.size() &&
                                 parse_dateline(units_[after].text, rules_) &&
                                 text.size() <= 2400 && count_words(text) >= 3;
    // Right under the headline and followed by the byline, a time stamp or a
    // figure: the summary sites put between headline and article.
    // (The byline may come split: a name alone, then the time stamp.)
    const auto credit_at = [&](std::size_t i) {
      return i < units_.size() &&
             (facts_[i].shape == Shape::byline || facts_[i].shape == Shape::timestamp);
    };
    const bool credit_follows =
        credit_at(index + 1) ||
        (index + 2 < units_.size() && facts_[index + 1].words <= 4 &&
         looks_like_name(units_[index + 1].text, rules_) && credit_at(index + 2));
    const bool under_title = title_unit_ + 1 == index && facts_[index].words >= 6 &&
                             facts_[index].words <= 80 && credit_follows &&
                             !trim(text).ends_with(":");
    return before_dateline || under_title || looks_like_summary(text);
  }

  // A byline or time stamp: its facts into the metadata, its text kept as removed.
  void read_credit_line(std::size_t index) {
    const UnitFacts& facts = facts_[index];
    if (page_date_.empty() && !facts.date.empty()) page_date_ = facts.date;
    if (facts.shape == Shape::byline) {
      take_byline(index, facts.authors);
      return;
    }
    add(Removed{units_[index].text, "time stamp"}, units_[index].lines);
    label(units_[index], "byline", "time stamp");
  }

  void take_byline(std::size_t index, const std::vector<std::string>& authors) {
    for (const std::string& author : authors)
      if (std::find(document_.metadata.authors.begin(), document_.metadata.authors.end(), author) ==
          document_.metadata.authors.end())
        document_.metadata.authors.push_back(author);
    add(Removed{units_[index].text, "byline"}, units_[index].lines);
    label(units_[index], "byline", "byline");
    if (document_.metadata.in_source.byline.first == 0)
      document_.metadata.in_source.byline = units_[index].lines;
    last_byline_unit_ = index;
  }

  // Between headline and body, bylines split over lines: "By" alone, a name
  // alone (next to another credit), an agency alone ("PTI", "AFP"), the
  // author's role after a name ("Business reporter, BBC News").
  std::optional<std::vector<std::string>> byline_in_head(std::size_t index) const {
    const std::string& text = units_[index].text;
    if (facts_[index].words == 0 || facts_[index].words > 8) return std::nullopt;
    // "By", "Texte par :" alone: the names follow on the next line.
    std::string_view bare_label = trim(text);
    if (bare_label.ends_with(":")) bare_label = trim(bare_label.substr(0, bare_label.size() - 1));
    if (rules_.prefix_length(PhraseKind::byline, bare_label) == bare_label.size())
      return std::vector<std::string>{};
    if (!rules_.agency(text).empty()) return std::vector<std::string>{};
    const bool after_credit = index > 0 && (last_byline_unit_ + 1 == index ||
                                            facts_[index - 1].shape == Shape::timestamp ||
                                            facts_[index - 1].shape == Shape::byline);
    // Above a byline that names its people itself, a name-shaped line is
    // something else ("Live Reporting").
    const bool before_credit =
        index + 1 < units_.size() &&
        ((facts_[index + 1].shape == Shape::byline && facts_[index + 1].authors.empty()) ||
         facts_[index + 1].shape == Shape::timestamp);
    if (looks_like_name(text, rules_) && (after_credit || before_credit))
      return std::vector<std::string>{text};
    // A name alone between headline and text, before any other byline: the
    // author ("Павел Широков"); not right under a figure (its photographer).
    if (looks_like_name(text, rules_) && document_.metadata.authors.empty() &&
        !document_.metadata.title.empty() &&
        !(index + 1 < units_.size() && facts_[index + 1].shape == Shape::byline &&
          !facts_[index + 1].authors.empty()) &&
        !(figure_ && figure_unit_ + 1 == index) && !(index > 0 && is_figure_part(index - 1)))
      return std::vector<std::string>{text};
    // "Helena Marsh Environment correspondent": a name, then a role, no comma.
    if (document_.metadata.authors.empty())
      if (auto name = name_before_role(text)) return std::vector<std::string>{*name};
    if (after_credit && facts_[index].words <= 6) {
      for (const std::string_view word : split_words(text)) {
        std::string_view bare = word;
        while (!bare.empty() && (bare.back() == ',' || bare.back() == '.')) bare.remove_suffix(1);
        if (rules_.is_whole(PhraseKind::byline_role, bare) && !is_upper(first_code_point(bare)))
          return std::vector<std::string>{};
      }
    }
    return std::nullopt;
  }

  std::optional<std::string> name_before_role(std::string_view text) const {
    const std::vector<std::string_view> words = split_words(text);
    if (words.size() < 3 || words.size() > 6 || is_upper(first_code_point(words.back())) ||
        !rules_.is_whole(PhraseKind::byline_role, words.back()))
      return std::nullopt;
    const std::string name = std::string(words[0]) + " " + std::string(words[1]);
    if (!looks_like_name(name, rules_)) return std::nullopt;
    return name;
  }

  // ---- figures ----

  bool read_figure(bool in_head) {
    const Unit& unit = units_[next_];
    if (figure_ && next_ - figure_unit_ <= duplicate_window) {
      const Duplicate duplicate = duplicate_of(unit.text, *figure_);
      if (duplicate != Duplicate::none) {
        remove(unit, duplicate == Duplicate::caption ? "duplicate caption" : "duplicate credit");
        label(unit, duplicate == Duplicate::caption ? "caption" : "credit");
        ++next_;
        return true;
      }
    }
    const bool forms_absent = facts_[next_].caption_forms_absent;
    if (auto figure = forms_absent ? std::nullopt : marked_caption(unit.text))
      return add_figure(*figure, unit.lines, 1);
    // A caption is short (facts_of() asks the same): a long paragraph is none.
    const bool short_text = facts_[next_].words <= 60;
    if (!short_text && (forms_absent || rules_.prefix_length(PhraseKind::caption, unit.text) == 0))
      return false;
    const bool ask = short_text && !forms_absent;
    if (auto figure = ask ? bracketed_credit_caption(unit.text, rules_) : std::nullopt)
      return add_figure(*figure, unit.lines, 1);
    if (auto figure = ask ? trailing_credit_caption(unit.text, rules_) : std::nullopt)
      return add_figure(*figure, unit.lines, 1);
    if (auto figure = short_text ? piped_caption(unit.text, !in_head) : std::nullopt)
      return add_figure(*figure, unit.lines, 1);
    if (const std::size_t label_bytes =
            forms_absent ? 0 : rules_.prefix_length(PhraseKind::caption, unit.text);
        label_bytes > 0) {
      std::string_view caption = trim(std::string_view(unit.text).substr(label_bytes));
      if (!caption.empty() && (caption.front() == ',' || caption.front() == ':'))
        caption = trim(caption.substr(1));
      if (!caption.empty())
        return add_figure(PhotoCaption{std::string(caption), "", "", unit.text}, unit.lines, 1);
    }
    const std::string_view credit_nearby = credit_after(next_);
    if (in_head || !credit_nearby.empty())
      if (auto figure = glued_caption(unit.text, credit_nearby))
        return add_figure(*figure, unit.lines, 1);
    if (next_ + 1 < units_.size() && (in_head || !unit.blank_after) &&
        !starts_own_unit(unit.text, rules_) && facts_[next_].shape != Shape::chrome)
      if (const auto& credit = facts_[next_ + 1].credit; credit && credits_line_above(next_) &&
                                                         looks_like_caption(unit.text) &&
                                                         !copyright_footer(next_ + 1))
        return add_figure(
            PhotoCaption{unit.text, *credit, std::string(credit_mark(units_[next_ + 1].text)), ""},
            {unit.lines.first, units_[next_ + 1].lines.last}, 2);
    if (const auto& credit = facts_[next_].credit; credit && !copyright_footer(next_))
      return add_figure(PhotoCaption{"", *credit, std::string(credit_mark(unit.text)), ""},
                        unit.lines, 1);
    return false;
  }

  // Whether the unit after `index` is a credit for the line at `index`: not
  // when a labelled caption follows the credit ("Image source, Reuters" /
  // "Image caption, ...": the credit comes first there).
  bool credits_line_above(std::size_t index) const {
    if (index + 1 >= units_.size() || !facts_[index + 1].credit) return false;
    return index + 2 >= units_.size() ||
           rules_.prefix_length(PhraseKind::caption, units_[index + 2].text) == 0;
  }

  // "© 2025 Example Media": a copyright line after the article is a footer.
  bool copyright_footer(std::size_t index) const {
    return index > body_end_ || facts_[index].shape == Shape::chrome;
  }

  std::string_view credit_after(std::size_t index) const {
    for (std::size_t i = index + 1; i < units_.size() && i <= index + duplicate_window; ++i)
      if (facts_[i].credit) return *facts_[i].credit;
    return {};
  }

  bool add_figure(const PhotoCaption& figure, SourceLines lines, std::size_t units_taken) {
    add(Figure{figure.caption.empty() ? Inlines{} : text_run(figure.caption), figure.credit, "",
               figure.credit_mark, figure.as_written},
        lines);
    if (units_taken == 2) {
      label(units_[next_], "caption");
      label(units_[next_ + 1], "credit");
    } else {
      label(units_[next_], figure.caption.empty() ? "credit" : "caption");
    }
    figure_ = figure;
    figure_unit_ = next_ + units_taken - 1;
    next_ += units_taken;
    return true;
  }

  // ---- the body ----

  void read_body_unit() {
    const Unit& unit = units_[next_];
    const UnitFacts& facts = facts_[next_];
    if (rules_.is_whole(PhraseKind::related, unit.text) && next_ + 1 <= body_end_ &&
        related_item(next_ + 1)) {
      // "Mehr zum Thema", "Related" above headlines inside the text: a related box.
      related_block_ = true;
      related_items_spaced_ = units_[next_ + 1].blank_before;
      add(Removed{unit.text, "related-link label"}, unit.lines);
      label(unit, "related", "related-link label");
      ++next_;
      return;
    }
    if (facts.shape == Shape::chrome) {
      remove(unit, chrome_reason(facts));
    } else if (repeats_title(unit.text)) {
      remove(unit, "site chrome: repeats the headline");
    } else if (facts.shape == Shape::byline && (paragraphs_ <= 1 || signed_byline(unit.text))) {
      read_credit_line(next_);
    } else if (facts.shape == Shape::timestamp && paragraphs_ <= 1) {
      read_credit_line(next_);
    } else if (auto authors = paragraphs_ == 0 && facts.shape == Shape::text ? byline_in_head(next_)
                                                                             : std::nullopt) {
      // Before the first paragraph, the page's head goes on ("Texte par :").
      take_byline(next_, *authors);
    } else if (in_short_run(next_)) {
      remove(unit, "site chrome: run of short lines");
    } else if (is_widget_label(next_)) {
      remove(unit, "site chrome: a widget's label");
    } else if (facts.shape == Shape::timestamp && facts.date.day != 0 && paragraphs_ >= 1 &&
               next_ + 1 <= body_end_ && facts_[next_ + 1].shape == Shape::text &&
               related_item(next_ + 1)) {
      // "4 июня, 18:20" above a headline inside the text: a teaser of another
      // article (a live blog's entries carry a clock time alone).
      related_block_ = true;
      related_items_spaced_ = false;
      add(Removed{unit.text, "related-link time"}, unit.lines);
      label(unit, "related", "related-link time");
      ++next_;
      return;
    } else if (facts.shape == Shape::timestamp && is_entry_time(next_)) {
      add(Heading{2, text_run(unit.text)}, unit.lines);
      label(unit, "subhead");
      entry_headline_next_ = true;
      ++next_;
      return;
    } else if (facts.shape == Shape::timestamp) {
      read_credit_line(next_);  // the article's date, after its text
    } else if (read_figure(/*in_head=*/false)) {
      return;
    } else if (facts.shape == Shape::text && facts.words >= 2 && repeated_in_page(next_)) {
      // A text says a short line once; boxes and buttons come back ("Ad Feedback").
      remove(unit, "site chrome: repeated in the page");
    } else if (const auto& headline = facts.related) {
      add(RelatedLink{text_run(std::string(*headline)), "",
                      std::string(text_before(unit.text, *headline))},
          unit.lines);
      label(unit, "related");
    } else if (related_block_ && related_item(next_) &&
               (related_items_spaced_ || !unit.blank_before)) {
      // A box of links stands together: a blank line ends one whose links
      // follow each other line by line.
      add(RelatedLink{text_run(unit.text), "", ""}, unit.lines);
      label(unit, "related");
      ++next_;
      return;
    } else if (auto subheading = dashed_subheading(unit.text);
               subheading && options_.find_subheadings && paragraph_seen_) {
      add(Heading{2, text_run(std::string(*subheading))}, unit.lines);
      label(unit, "subhead");
    } else if (auto item = bullet_item(unit.text)) {
      add_list_item(*item, text_before(unit.text, *item), unit.lines);
    } else if (auto quoted = quoted_line(unit.text)) {
      add_quoted_line(*quoted, text_before(unit.text, *quoted), unit.lines);
    } else if (entry_headline_next_ && options_.find_subheadings &&
               looks_like_subheading(unit.text, rules_)) {
      add(Heading{2, text_run(unit.text)}, unit.lines);
      label(unit, "subhead");
    } else if (is_subheading(next_)) {
      add(Heading{2, text_run(unit.text)}, unit.lines);
      label(unit, "subhead");
    } else if (is_bare_list_item(next_)) {
      add_list_item(unit.text, "", unit.lines);
    } else {
      add_paragraph(unit);
    }
    related_block_ = false;
    entry_headline_next_ = false;
    ++next_;
  }

  // Short lines that are no sentence, two or more in a row inside the body and
  // not introduced by a colon: share buttons, widget labels, a menu.
  bool is_widget_line(std::size_t index) const {
    if (index >= units_.size() || index > body_end_) return false;
    const UnitFacts& facts = facts_[index];
    if (facts.shape == Shape::chrome) return true;
    return facts.shape == Shape::text && facts.words <= 4 &&
           !ends_like_sentence(units_[index].text) && !bullet_item(units_[index].text) &&
           !is_counter(units_[index].text);
  }

  bool in_short_run(std::size_t index) const {
    if (!options_.remove_chrome || facts_[index].shape != Shape::text || !is_widget_line(index))
      return false;
    if (!document_.blocks.empty())
      if (const auto* paragraph = std::get_if<Paragraph>(&document_.blocks.back().content);
          paragraph != nullptr && trim(plain_text(paragraph->content)).ends_with(":"))
        return false;
    if (!document_.blocks.empty() && std::holds_alternative<List>(document_.blocks.back().content))
      return false;
    // The run of adjacent widget lines around it (chrome phrases join it) must
    // hold another short line that is not chrome already.
    return short_lines_in_run(index) >= 2 && !subheading_before_prose(index);
  }

  // How many short text lines (not chrome already) the run of adjacent widget
  // lines holding `index` has; each run is counted once, so that a page of
  // a million short lines costs no more than reading it.
  std::size_t short_lines_in_run(std::size_t index) const {
    if (index < run_first_ || index > run_last_) {
      run_first_ = index;
      while (run_first_ > 0 && !units_[run_first_].blank_before && is_widget_line(run_first_ - 1))
        --run_first_;
      run_last_ = index;
      while (!units_[run_last_].blank_after && is_widget_line(run_last_ + 1)) ++run_last_;
      run_text_lines_ = 0;
      for (std::size_t i = run_first_; i <= run_last_; ++i)
        run_text_lines_ += facts_[i].shape == Shape::text;
    }
    return run_text_lines_;
  }

  // A short line right before prose, after prose: a subheading, not a widget.
  bool subheading_before_prose(std::size_t index) const {
    return index + 1 < units_.size() && facts_[index + 1].shape == Shape::prose && index > 0 &&
           facts_[index - 1].shape == Shape::prose;
  }

  // A short line naming a newsletter, an advertisement, a subscription.
  bool is_widget_label(std::size_t index) const {
    return options_.remove_chrome && facts_[index].shape == Shape::text &&
           facts_[index].words <= 10 &&
           rules_.has_word(PhraseKind::widget_word, units_[index].text);
  }

  bool related_item(std::size_t index) const {
    const std::string& text = units_[index].text;
    return facts_[index].words >= 3 && facts_[index].words <= 25 && !ends_like_sentence(text) &&
           facts_[index].shape != Shape::chrome;
  }

  // "10:42 GMT" before an entry's headline in a live blog.
  bool is_entry_time(std::size_t index) const {
    return index + 1 <= body_end_ && index + 1 < units_.size() &&
           (facts_[index + 1].shape == Shape::text || facts_[index + 1].shape == Shape::prose);
  }

  bool is_subheading(std::size_t index) const {
    const Unit& unit = units_[index];
    if (!options_.find_subheadings || !looks_like_subheading(unit.text, rules_) ||
        index + 1 >= units_.size() || index + 1 > body_end_ || !has_content(document_) ||
        !paragraph_seen_)
      return false;
    if (body_has_blank_lines_ && !(unit.blank_before && unit.blank_after)) return false;
    const std::string& after = units_[index + 1].text;
    if (starts_own_unit(after, rules_) || facts_[index + 1].shape == Shape::chrome) return false;
    // A question ending like a sentence must be followed by prose, as any heading.
    return ends_with_closing_punctuation(after) || count_words(after) > 15;
  }

  // Short lines after a paragraph that ends with a colon: a list without bullets.
  bool is_bare_list_item(std::size_t index) const {
    if (document_.blocks.empty() || facts_[index].words > 20 || facts_[index].words == 0 ||
        is_counter(units_[index].text))
      return false;
    const Block& last = document_.blocks.back();
    if (const auto* list = std::get_if<List>(&last.content))
      return list->marker.empty() && last.lines.last + 2 >= units_[index].lines.first;
    const auto* paragraph = std::get_if<Paragraph>(&last.content);
    if (paragraph == nullptr) return false;
    const std::string text = plain_text(paragraph->content);
    return trim(text).ends_with(":") && index + 1 < units_.size();
  }

  template <class Content>
  Content* continued_block(SourceLines lines, std::string_view marker) {
    if (document_.blocks.empty()) return nullptr;
    Block& last = document_.blocks.back();
    auto* content = std::get_if<Content>(&last.content);
    if (content == nullptr || content->marker != marker || next_ == 0 ||
        last.lines.last != units_[next_ - 1].lines.last || lines.first <= last.lines.last)
      return nullptr;
    last.lines.last = lines.last;
    return content;
  }

  void add_list_item(std::string_view item, std::string_view marker, SourceLines lines) {
    label_lines(lines, "list");
    if (List* list = continued_block<List>(lines, marker)) {
      list->items.push_back(text_run(std::string(item)));
      return;
    }
    add(List{false, {text_run(std::string(item))}, std::string(marker)}, lines);
  }

  void add_quoted_line(std::string_view text, std::string_view marker, SourceLines lines) {
    label_lines(lines, "paragraph");
    if (BlockQuote* quote = continued_block<BlockQuote>(lines, marker)) {
      quote->paragraphs.push_back(text_run(std::string(text)));
      return;
    }
    add(BlockQuote{{text_run(std::string(text))}, std::string(marker)}, lines);
  }

  void add_paragraph(const Unit& unit) {
    std::string_view text = unit.text;
    label(unit, "paragraph");
    paragraph_seen_ = true;
    ++paragraphs_;
    const bool long_before = long_paragraph_seen_;
    long_paragraph_seen_ = long_paragraph_seen_ || count_words(text) >= 15;
    // The first paragraph of the text; a short one before it (a caption the
    // page gave no credit, a kicker) does not hide the dateline.
    if (!dateline_seen_ && !long_before) {
      if (auto dateline = parse_dateline(text, rules_)) {
        dateline_seen_ = true;
        Metadata& metadata = document_.metadata;
        metadata.dateline_place = dateline->place;
        metadata.agency = dateline->agency;
        metadata.date.month = dateline->month;
        metadata.date.day = dateline->day;
        metadata.date.year = dateline->year;
        metadata.in_source.dateline_text = std::string(trim(text.substr(0, dateline->length)));
        metadata.in_source.dateline = unit.lines;
        if (!dateline->region.empty()) metadata.extras["dateline_region"] = dateline->region;
        if (unit.lines.first < labels_.size()) labels_[unit.lines.first].first = "dateline";
        text = trim(text.substr(dateline->length));
      }
    }
    if (!text.empty()) add(Paragraph{text_run(std::string(text))}, unit.lines);
  }

  // ---- after the body ----

  void read_tail() {
    const std::size_t first = next_;
    for (; next_ < units_.size(); ++next_) {
      const Unit& unit = units_[next_];
      const UnitFacts& facts = facts_[next_];
      if (facts.shape == Shape::byline && signed_byline(unit.text))
        read_credit_line(next_);
      else if (next_ == first && facts.shape == Shape::text && document_.metadata.authors.empty() &&
               looks_like_name(unit.text, rules_))
        take_byline(next_, {unit.text});  // the author's name under the text
      else if (facts.shape == Shape::chrome)
        remove(unit, chrome_reason(facts));
      else
        remove(unit,
               is_counter(unit.text) ? "site chrome: counter" : "site chrome: after the article");
    }
  }

  void complete_date() {
    PartialDate& date = document_.metadata.date;
    if (date.empty()) {
      date = page_date_;
    } else if (date.year == 0 && page_date_.year != 0) {
      date.year = page_date_.year;
    }
  }

  void derive_title_from_lead() {
    for (const Block& block : document_.blocks) {
      std::string text;
      if (const auto* paragraph = std::get_if<Paragraph>(&block.content))
        text = plain_text(paragraph->content);
      else if (const auto* heading = std::get_if<Heading>(&block.content))
        text = plain_text(heading->content);
      if (text.empty()) continue;
      document_.metadata.title = derive_title(text);
      document_.metadata.title_derived = true;
      return;
    }
  }

  // ---- bookkeeping ----

  void add(BlockContent content, SourceLines lines) {
    document_.blocks.push_back(Block{std::move(content), lines});
  }

  void remove(const Unit& unit, std::string reason) {
    label(unit, "chrome", reason);
    add(Removed{unit.text, std::move(reason)}, unit.lines);
  }

  void label(const Unit& unit, std::string_view name, std::string reason = {}) {
    label_lines(unit.lines, name, std::move(reason));
  }

  void label_lines(SourceLines lines, std::string_view name, std::string reason = {}) {
    if (!keep_labels_) return;
    if (labels_.size() <= lines.last) labels_.resize(lines.last + 1);
    for (std::size_t line = lines.first; line <= lines.last && line > 0; ++line)
      labels_[line] = {name, reason};
  }

  Layout layout_;
  const std::vector<Unit>& units_;
  ReaderOptions options_;
  const PhraseRules& rules_;
  const LineCensus* census_;
  Script script_;
  // Labels are only for a LineReport (`inspect --lines`): 48 bytes a line otherwise.
  bool keep_labels_ = false;
  std::vector<UnitFacts> facts_;
  std::unordered_map<std::string_view, std::size_t> copies_in_page_;  // unit text -> units
  std::size_t body_start_ = 0;
  std::size_t body_end_ = 0;  // inclusive
  std::size_t next_ = 0;
  Document document_;
  std::string title_text_;  // folded
  std::size_t title_unit_ = static_cast<std::size_t>(-1);
  std::size_t last_byline_unit_ = static_cast<std::size_t>(-2);
  std::size_t paragraphs_ = 0;
  PartialDate page_date_;
  std::optional<PhotoCaption> figure_;
  std::size_t figure_unit_ = 0;
  bool paragraph_seen_ = false;
  bool dateline_seen_ = false;
  bool body_has_blank_lines_ = false;
  bool long_paragraph_seen_ = false;
  bool related_block_ = false;
  bool related_items_spaced_ = false;  // the box's links stand between blank lines
  bool entry_headline_next_ = false;
  mutable std::vector<signed char> headline_shaped_;  // -1 not asked yet, else 0 or 1
  // Only the head's few units are folded: a map, not a slot per unit.
  mutable std::unordered_map<std::size_t, std::string> folded_;
  // The run of widget lines short_lines_in_run() saw last (a cache).
  mutable std::size_t run_first_ = 1;
  mutable std::size_t run_last_ = 0;
  mutable std::size_t run_text_lines_ = 0;
  std::vector<std::pair<std::string_view, std::string>> labels_;
};

std::string read_rules_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error("--rules " + path + ": cannot open the file");
  std::ostringstream text;
  text << file.rdbuf();
  if (text.str().size() > (std::size_t{4} << 20))
    throw Error("--rules " + path + ": larger than 4 MiB");
  return text.str();
}

}  // namespace

ReaderOptions reader_options(const OptionValues& values) {
  ReaderOptions options;
  const std::string layout = option_or(values, "text-layout", "auto");
  if (layout == "lines")
    options.layout = ReaderOptions::Layout::lines;
  else if (layout == "wrapped")
    options.layout = ReaderOptions::Layout::wrapped;
  else if (layout != "auto")
    throw Error("--text-layout must be auto, lines or wrapped, not '" + layout + "'");
  options.find_title = option_or(values, "no-title", "") != "true";
  options.find_subheadings = option_or(values, "no-subheadings", "") != "true";
  options.remove_chrome = option_or(values, "keep-chrome", "") != "true";
  options.rules_file = option_or(values, "rules", "");
  if (const std::string lines = option_or(values, "max-lines", ""); !lines.empty()) {
    constexpr std::size_t most = 1'000'000'000;
    const bool digits = lines.size() <= 10 && std::all_of(lines.begin(), lines.end(), [](char c) {
                          return c >= '0' && c <= '9';
                        });
    options.max_lines = digits ? std::stoull(lines) : 0;
    if (options.max_lines == 0 || options.max_lines > most)
      throw Error("--max-lines must be a whole number from 1 to " + std::to_string(most) +
                  ", not '" + lines + "'");
  }
  return options;
}

namespace {

std::size_t line_count(std::string_view text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) +
         (!text.empty() && text.back() != '\n' ? 1 : 0);
}

}  // namespace

std::optional<Document> build_article(std::string_view text, std::string& why,
                                      const ReaderOptions& options, const PhraseRules* rules,
                                      const LineCensus* census, LineReport* report) {
  const Joining joining = options.layout == ReaderOptions::Layout::lines     ? Joining::never
                          : options.layout == ReaderOptions::Layout::wrapped ? Joining::always
                                                                             : Joining::automatic;
  Layout layout = make_units(text, joining);
  if (layout.units.empty()) {
    why = "empty input: no text, no article";
    return std::nullopt;
  }
  ArticleBuilder builder(text, std::move(layout), options,
                         rules != nullptr ? *rules : PhraseRules::defaults(), census,
                         report != nullptr);
  Document document = builder.build();
  if (report != nullptr) {
    const auto& labels = builder.line_labels();
    const std::vector<Line> lines = split_lines(text);
    for (const Line& line : lines) {
      std::string_view name = "blank";
      std::string_view reason;
      if (line.number < labels.size() && !labels[line.number].first.empty()) {
        name = labels[line.number].first;
        reason = labels[line.number].second;
      }
      if (line.text.empty()) name = "blank";
      report->line(line.number, name, line.text, reason);
    }
  }
  if (!ArticleBuilder::has_content(document)) {
    why = "no article: the input holds only site chrome (" +
          counted(document.blocks.size(), "line", "lines") + " of it)";
    return std::nullopt;
  }
  return document;
}

std::vector<std::uint64_t> NewsTextReader::survey(const Input& input, const ReadContext& ctx) {
  DecodedInput decoded = decode_input(input.bytes, option_or(ctx.options, "encoding", ""));
  std::vector<std::uint64_t> keys;
  if (decoded.binary) return keys;
  // The lines as split_lines() trims them, without measuring them as it does.
  const std::string_view text = decoded.text;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (const std::string_view line = trim(text.substr(start, end - start)); is_census_line(line))
      keys.push_back(fold_hash(line));
    start = end + 1;
  }
  return keys;
}

void check_reader_options(const OptionValues& values) {
  const ReaderOptions options = reader_options(values);
  if (const std::string encoding = option_or(values, "encoding", "");
      !encoding.empty() && !is_known_encoding(encoding))
    throw Error("--encoding: no encoding is called '" + encoding + "' (`iconv -l` lists them)");
  if (!options.rules_file.empty()) {
    PhraseRules rules(PhraseRules::defaults());
    rules.add(read_rules_file(options.rules_file), options.rules_file);
  }
}

const PhraseRules& NewsTextReader::rules_for(const ReaderOptions& options) {
  if (options.rules_file.empty()) return PhraseRules::defaults();
  if (!user_rules_ || user_rules_file_ != options.rules_file) {
    auto rules = std::make_unique<PhraseRules>(PhraseRules::defaults());
    rules->add(read_rules_file(options.rules_file), options.rules_file);
    user_rules_ = std::move(rules);
    user_rules_file_ = options.rules_file;
  }
  return *user_rules_;
}

std::vector<Document> NewsTextReader::read(const Input& input, const ReadContext& ctx) {
  const ReaderOptions options = reader_options(ctx.options);
  const PhraseRules& rules = rules_for(options);
  DecodedInput decoded = decode_input(input.bytes, option_or(ctx.options, "encoding", ""));
  if (decoded.binary) {
    ctx.diagnostics.warn(input.name, "not a text file (mostly control bytes); skipped");
    return {};
  }
  if (const std::size_t lines = line_count(decoded.text); lines > options.max_lines)
    throw Error("has " + std::to_string(lines) + " lines, more than --max-lines (" +
                std::to_string(options.max_lines) + ")");
  for (const std::string& warning : decoded.warnings) ctx.diagnostics.warn(input.name, warning);
  std::string why;
  std::optional<Document> document =
      build_article(decoded.text, why, options, &rules, ctx.census, ctx.line_report);
  if (!document) {
    ctx.diagnostics.warn(input.name, why);
    return {};
  }
  document->metadata.source = input.name;
  document->metadata.extras["encoding"] = decoded.encoding;
  std::vector<Document> documents;
  documents.push_back(std::move(*document));
  return documents;
}

}  // namespace docconv::news_text
