// docconv plugin SDK: text helpers that every writer needs the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv {

/// `text` with every byte sequence that is not valid UTF-8, and every code
/// point that XML 1.0 does not allow (C0 controls except tab, LF, CR; U+FFFE,
/// U+FFFF; surrogates), replaced by U+FFFD. What comes out is safe to put in
/// any XML or HTML text node once the markup characters are escaped.
std::string xml_safe(std::string_view text);

/// True when xml_safe(text) == text.
bool is_xml_safe(std::string_view text);

/// `text` with every run of ASCII white space (space, tab, CR, LF, VT, FF)
/// folded to one space and none at either end: text as a reader of HTML or
/// XML sees it.
std::string collapse_whitespace(std::string_view text);

/// `text` without ASCII white space (space, tab, CR, LF, VT, FF) at either end.
std::string_view trim(std::string_view text);

/// The non-empty `parts` joined with `separator` between them: ("Moscow",
/// "", "June 5") with ", " gives "Moscow, June 5".
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// The instant `seconds_since_epoch` (SOURCE_DATE_EPOCH) as a W3C / XML
/// Schema dateTime in UTC: "2017-07-14T02:40:00Z". Clamped to the years
/// 1970-9999, which every format that takes such a stamp can hold.
std::string utc_timestamp(std::int64_t seconds_since_epoch);

/// A lower-case ASCII slug of `title` for file names: letters and digits,
/// words joined by '-', at most `max_length` characters, cut at a word
/// boundary; "article" when nothing is left.
std::string slugify(std::string_view title, std::size_t max_length = 60);

/// The file name for article `number` (1-based) in --split outputs:
/// "0003-lavrov-there-are-no-threats.md". Stable across runs and never
/// contains a path separator.
std::string split_file_name(std::size_t number, std::string_view title, std::string_view extension);

/// `text` as a BCP 47 language tag ("en", "ru-RU", "zh-Hant-TW",
/// "x-house"), also when written as a POSIX locale ("ru_RU.UTF-8" gives
/// "ru-RU"); nothing when it is not one. The primary subtag is 2-3 letters
/// (ISO 639), or "x" for private use: the 5-8-letter form BCP 47 reserves is
/// never used and would let "POSIX" through. Later subtags are 1-8 letters or
/// digits. The one check of `--lang` and of every writer's language.
std::optional<std::string> language_tag(std::string_view text);

}  // namespace docconv
