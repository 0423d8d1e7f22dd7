#include "word_stream.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace docconv::news_text::test {
namespace {

// Length of the white-space character at `pos`, or 0.
std::size_t space_length(std::string_view text, std::size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f' || byte == '\v')
    return 1;
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with("\xC2\xA0") || rest.starts_with("\xC2\x85")) return 2;
  if (rest.starts_with("\xE2\x80") && rest.size() >= 3) {
    const auto third = static_cast<unsigned char>(rest[2]);
    if (third <= 0x8A || third == 0xA8 || third == 0xA9 || third == 0xAF) return 3;
  }
  if (rest.starts_with("\xE2\x81\x9F") || rest.starts_with("\xE3\x80\x80") ||
      rest.starts_with("\xE1\x9A\x80"))
    return 3;
  return 0;
}

bool has_letter_or_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
           (byte >= 'A' && byte <= 'Z') || (byte >= 0xC3 && byte <= 0xDF) ||
           (byte >= 0xE3 && byte <= 0xEE) || byte >= 0xF0;
  });
}

void append_words(std::vector<std::string>& out, std::string_view text) {
  std::size_t start = 0, pos = 0;
  while (pos < text.size()) {
    const std::size_t space = space_length(text, pos);
    if (space == 0) {
      ++pos;
      continue;
    }
    if (pos > start && has_letter_or_digit(text.substr(start, pos - start)))
      out.emplace_back(text.substr(start, pos - start));
    pos += space;
    start = pos;
  }
  if (pos > start && has_letter_or_digit(text.substr(start))) out.emplace_back(text.substr(start));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct Piece {
  std::size_t line;
  int rank;  // metadata before the block of the same line
  std::size_t order;
  std::string text;
};

// A block's text as the source wrote it: with its markers, and a figure cut
// out of a longer line as that line.
std::string block_text(const BlockContent& content) {
  struct Visitor {
    std::string operator()(const Heading& b) const { return plain_text(b.content); }
    std::string operator()(const Paragraph& b) const { return plain_text(b.content); }
    std::string operator()(const BlockQuote& b) const {
      std::string out;
      for (const auto& p : b.paragraphs) out += b.marker + " " + plain_text(p) + "\n";
      return out;
    }
    std::string operator()(const List& b) const {
      std::string out;
      for (const auto& item : b.items) out += b.marker + " " + plain_text(item) + "\n";
      return out;
    }
    std::string operator()(const Figure& b) const {
      if (!b.as_written.empty()) return b.as_written;
      return plain_text(b.caption) + "\n" + b.credit_mark + " " + b.credit;
    }
    std::string operator()(const RelatedLink& b) const {
      return b.label + " " + plain_text(b.text);
    }
    std::string operator()(const Removed& b) const { return b.text; }
  };
  return std::visit(Visitor{}, content);
}

}  // namespace

std::vector<std::string> input_words(std::string_view text) {
  std::vector<std::string> words;
  append_words(words, text);
  return words;
}

std::vector<std::string> document_words(const Document& document) {
  const Metadata& metadata = document.metadata;
  std::vector<Piece> pieces;
  std::size_t order = 0;
  if (!metadata.title_derived && !metadata.title.empty())
    pieces.push_back({metadata.in_source.title.first, 0, order++, metadata.title});
  if (!metadata.standfirst.empty())
    pieces.push_back({metadata.in_source.standfirst.first, 0, order++, metadata.standfirst});
  if (!metadata.in_source.dateline_text.empty())
    pieces.push_back(
        {metadata.in_source.dateline.first, 0, order++, metadata.in_source.dateline_text});
  for (const Block& block : document.blocks)
    pieces.push_back({block.lines.first, 1, order++, block_text(block.content)});
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
    return std::tie(a.line, a.rank, a.order) < std::tie(b.line, b.rank, b.order);
  });
  std::vector<std::string> words;
  for (const Piece& piece : pieces) append_words(words, piece.text);
  return words;
}

std::string missing_in_order(const std::vector<std::string>& needles,
                             const std::vector<std::string>& haystack) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < needles.size(); ++i) {
    const std::string wanted = lower(needles[i]);
    while (at < haystack.size() && lower(haystack[at]) != wanted) ++at;
    if (at == haystack.size()) {
      std::string context;
      for (std::size_t j = i; j < needles.size() && j < i + 8; ++j) context += needles[j] + " ";
      return "input word #" + std::to_string(i) + " '" + needles[i] +
             "' not found in order in the output; input continues: " + context;
    }
    ++at;
  }
  return {};
}

}  // namespace docconv::news_text::test
