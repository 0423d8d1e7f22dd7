// Which alphabet a text is written in, for xml:lang on text whose script is
// not its article's (a Cyrillic menu line kept from an English page). The
// model has no language per block, and a writer does not link the reader's
// language detector: the alphabet is what can be told for sure.
#pragma once

#include <string_view>

namespace docconv::tei {

enum class Script { unknown, latin, greek, cyrillic };

/// The alphabet of a code point: Latin, Greek or Cyrillic letters; unknown otherwise.
Script script_of(char32_t c);

/// The alphabet `language` (a BCP 47 tag) is written in, when it has one
/// for sure: "en", "de", "pl" Latin, "ru", "uk", "bg" Cyrillic, "el" Greek;
/// unknown for the rest (Serbian has two, "ja" none of these).
Script script_of_language(std::string_view language);

/// The alphabet of most letters of `text`, when it has at least three letters
/// of these alphabets and more than half of them are of one; unknown otherwise.
Script dominant_script(std::string_view text);

/// "Latn", "Grek", "Cyrl": the ISO 15924 subtag; empty for unknown.
std::string_view script_subtag(Script script);

}  // namespace docconv::tei
