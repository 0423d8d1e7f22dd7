// Values for TEI attributes whose datatypes the schema checks: names,
// pointers, language tags and dates. Text content needs none of this; it only
// goes through docconv::xml_safe().
#pragma once

#include <docconv/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace docconv::tei {

/// An XML Name usable in @type/@subtype (TEI's data.enumerated, which allows
/// no spaces): "site chrome" -> "site-chrome", "2nd" -> "n-2nd", "" -> "".
std::string name_token(std::string_view text);

/// A value for a list of tokens (@reason of surplus: tokens without control or
/// space characters): each word made a name token, ASCII, as name_token()
/// makes it ("site chrome" stays, "duplicate\u00a0caption" -> "duplicate
/// caption"). Empty when no word has a letter or digit to keep.
std::string token_list(std::string_view text);

/// A value for @target/@url (TEI's data.pointer: an anyURI without white
/// space): white space, controls and the characters RFC 3987 excludes are
/// percent-encoded. Empty when `text` is empty.
std::string pointer(std::string_view text);

/// True when `tag` is a BCP 47 language tag as docconv::language_tag() reads
/// one, already in BCP 47's form ("en", "zh-Hant-TW", "x-private"; not "en_GB").
bool is_language_tag(std::string_view tag);

/// The English name of common languages ("en" -> "English"); the tag itself otherwise.
std::string language_name(std::string_view tag);

/// The W3C form of a partial date for @when, or "" when it has no valid one
/// (month 13, day 0 with a month, ...). Month and day without a year give
/// "--06-05", which the schema accepts as xs:gMonthDay.
std::string when_value(const PartialDate& date);

}  // namespace docconv::tei
