#include "language.hpp"

#include <algorithm>
#include <cctype>

namespace docconv::epub {
namespace {

bool all_of_class(std::string_view text, int (*is_class)(int)) {
  return std::all_of(text.begin(), text.end(),
                     [&](char c) { return is_class(static_cast<unsigned char>(c)) != 0; });
}

// A primary language subtag: 2-3 letters (ISO 639). The 5-8 letter form BCP 47
// reserves is never used in practice and would let "POSIX" through.
bool is_primary_subtag(std::string_view subtag) {
  return subtag.size() >= 2 && subtag.size() <= 3 && all_of_class(subtag, std::isalpha);
}

bool is_later_subtag(std::string_view subtag) {
  return !subtag.empty() && subtag.size() <= 8 && all_of_class(subtag, std::isalnum);
}

}  // namespace

std::optional<std::string> normalized_language(std::string_view tag) {
  // POSIX locales: language_TERRITORY.codeset@modifier
  tag = tag.substr(0, tag.find_first_of(".@"));
  std::string result(tag);
  std::replace(result.begin(), result.end(), '_', '-');

  std::string_view rest = result;
  bool first = true;
  while (true) {
    const std::size_t dash = rest.find('-');
    const std::string_view subtag = rest.substr(0, dash);
    if (first ? !is_primary_subtag(subtag) : !is_later_subtag(subtag)) return std::nullopt;
    first = false;
    if (dash == std::string_view::npos) break;
    rest.remove_prefix(dash + 1);
  }
  return result;
}

}  // namespace docconv::epub
