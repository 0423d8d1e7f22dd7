// news-text: recognising plain text from the first bytes of an input.
#pragma once

#include <string_view>

namespace docconv::news_text {

/// Plugin::probe() of the reader: 0 for binary data and archives, 10 for text
/// that looks like markup or JSON (another reader should win), 30 for legacy
/// 8-bit text, 40 for UTF-16 without byte order mark, 50 for UTF-8 text, 60 for
/// text with a byte order mark.
int probe_plain_text(std::string_view head);

}  // namespace docconv::news_text
