// Test helper for the "nothing lost" property: the words of an input and the
// words of the Document read from it, in source order.
//
// A word is a white-space separated token with at least one letter or digit
// (punctuation-only tokens such as "|", "-", "©" or "—" are separators a
// reader may drop). The tokenizer here is independent of the reader's own.
#pragma once

#include <docconv/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text::test {

std::vector<std::string> input_words(std::string_view text);

/// Words of the document in the order of the lines they came from: title
/// (unless derived), standfirst and dateline at their recorded lines, then the
/// blocks, each as the source wrote it (with its bullets, "READ MORE:" labels
/// and credit marks; a figure cut out of a longer line as that line).
std::vector<std::string> document_words(const Document& document);

/// Empty when `needles` is a subsequence of `haystack` (ASCII case ignored);
/// otherwise a description of the first word that could not be matched.
std::string missing_in_order(const std::vector<std::string>& needles,
                             const std::vector<std::string>& haystack);

}  // namespace docconv::news_text::test
