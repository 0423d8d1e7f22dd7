// news-text: the page's own credits: bylines ("By Jane Doe", "Von Anna Weber",
// "Jane Doe | Reuters", "Reporting by A; Editing by B") and time stamps
// ("Published 3 March 2025", "Updated 10:42 GMT", "7 hours ago").
#pragma once

#include "phrase_rules.hpp"

#include <docconv/model.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

/// The people a byline line names, in order; nothing when the line is not a
/// byline. Editors of a "Reporting by ...; Editing by ..." trailer are left out.
std::optional<std::vector<std::string>> parse_byline(std::string_view line,
                                                     const PhraseRules& rules);

/// True when `line` is a person's name alone: 2-4 capitalised words, none of
/// them a role or an agency, none two words glued ("PlayerClose").
bool looks_like_name(std::string_view line, const PhraseRules& rules = PhraseRules::defaults());

/// A time stamp line: the date it gives (parts may be 0; an empty date for
/// "7 hours ago" or a bare time), or nothing when the line is not one.
std::optional<PartialDate> parse_timestamp(std::string_view line, const PhraseRules& rules);

/// "mrc/dpa", "ama/jmi/dch", "elc/fpa": the desk's initials that sign off
/// wire copy (groups of 2-4 lower-case letters between slashes).
bool is_wire_signoff(std::string_view line);

/// "4 min read", "Lesezeit: 4 Min.": a reading time.
bool is_reading_time(std::string_view line, const PhraseRules& rules);

/// Whether `text` holds a date written in figures ("08.10.2025",
/// "2025-03-12"): page furniture, print-issue lines, never a headline.
bool has_numeric_date(std::string_view text, const PhraseRules& rules);

/// The first date written in `text` ("3 March 2025", "March 3, 2025",
/// "03.03.2025", "2025-03-03", "5 июня 2025"), parts 0 when not given.
PartialDate find_date(std::string_view text, const PhraseRules& rules);

}  // namespace docconv::news_text
