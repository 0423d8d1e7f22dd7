#include "probe.hpp"

#include "decode.hpp"
#include "utf8.hpp"

namespace docconv::news_text {

int probe_plain_text(std::string_view head) {
  if (head.empty()) return 0;
  if (detect_bom(head)) return 60;
  if (!detect_utf16_without_bom(head).empty()) return 40;
  if (head.starts_with("PK\x03\x04") || head.starts_with("%PDF") || looks_binary(head)) return 0;
  std::size_t start = 0;
  while (start < head.size() &&
         (head[start] == ' ' || head[start] == '\n' || head[start] == '\r' || head[start] == '\t'))
    ++start;
  if (start < head.size() && (head[start] == '<' || head[start] == '{' || head[start] == '['))
    return 10;
  // The head may end inside a multi-byte character: ignore a short broken tail.
  const Utf8Scan scan = scan_utf8(head);
  const bool clean =
      scan.invalid == 0 || (scan.invalid == 1 && scan.first_invalid_offset + 4 > head.size());
  return clean ? 50 : 30;
}

}  // namespace docconv::news_text
