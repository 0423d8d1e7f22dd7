#include "host/near_duplicates.hpp"
#include "news_corpus.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using docconv::Block;
using docconv::Document;
using docconv::Figure;
using docconv::Paragraph;
using docconv::Removed;
using docconv::text_run;
using namespace docconv::host;

namespace {

// Made-up words, different for every seed: texts that share no five words
// in a row unless built to.
std::vector<std::string> words(std::uint64_t seed, std::size_t count) {
  static const char* const syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi",
                                          "de", "po", "za", "li", "mo", "ta", "bu", "ge"};
  std::vector<std::string> out;
  std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
  for (std::size_t i = 0; i < count; ++i) {
    std::string word;
    for (int s = 0; s < 3; ++s) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      word += syllables[(state >> 40) % 16];
    }
    out.push_back(word);
  }
  return out;
}

// An article of `paragraphs` paragraphs of 40 words from `text`, from word `from`.
Document article(const std::vector<std::string>& text, std::size_t from, std::size_t paragraphs) {
  Document document;
  document.metadata.title = "Title " + text.at(from);
  for (std::size_t p = 0; p < paragraphs; ++p) {
    std::string paragraph;
    for (std::size_t w = 0; w < 40; ++w) {
      if (w > 0) paragraph += ' ';
      paragraph += text.at(from + p * 40 + w);
    }
    document.blocks.push_back(Block{Paragraph{text_run(paragraph)}, {}});
  }
  return document;
}

}  // namespace

TEST_CASE("a copy, a shortened copy and a copy in other chrome are near-duplicates") {
  const auto text = words(1, 400);
  const Document original = article(text, 0, 10);
  const auto signed_original = body_signature(original);
  CHECK(similarity(signed_original, body_signature(original)) == 1.0);

  // Half of it: Jaccard is about 0.5, but all of it is in the original.
  const double shortened = similarity(signed_original, body_signature(article(text, 0, 5)));
  CHECK(shortened > 0.8);

  Document other_chrome = original;
  other_chrome.metadata.title = "Another headline";
  other_chrome.blocks.push_back(Block{Removed{"Subscribe to our newsletter", "site chrome"}, {}});
  other_chrome.blocks.push_back(Block{Figure{text_run("A photo"), "Credit", "", "", ""}, {}});
  CHECK(similarity(signed_original, body_signature(other_chrome)) == 1.0);

  // Case, punctuation and white space do not count.
  Document shouted = original;
  for (auto& block : shouted.blocks) {
    auto& run = std::get<Paragraph>(block.content).content.front().text;
    for (char& c : run) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    run = "\u00ab" + run + "!\u00bb";
  }
  CHECK(similarity(signed_original, body_signature(shouted)) == 1.0);
}

TEST_CASE("unrelated articles are not near-duplicates") {
  const auto a = body_signature(article(words(1, 400), 0, 10));
  const auto b = body_signature(article(words(2, 400), 0, 10));
  CHECK(similarity(a, b) < 0.1);
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  CHECK_FALSE(finder.add(a));
  CHECK_FALSE(finder.add(b));
}

TEST_CASE("an article without words is never a near-duplicate") {
  Document empty;
  empty.metadata.title = "Only a title";
  const auto signature = body_signature(empty);
  CHECK(signature.shingles == 0);
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  CHECK_FALSE(finder.add(signature));
  CHECK_FALSE(finder.add(signature));
}

namespace {

// `count` words of `text` from word `from`, as one paragraph.
Document words_article(const std::vector<std::string>& text, std::size_t from, std::size_t count) {
  std::string paragraph;
  for (std::size_t w = from; w < from + count; ++w)
    paragraph += (paragraph.empty() ? "" : " ") + text.at(w);
  Document document;
  document.blocks.push_back(Block{Paragraph{text_run(paragraph)}, {}});
  return document;
}

}  // namespace

TEST_CASE("a brief is not a near-duplicate of a long article that quotes it") {
  const auto text = words(3, 400);
  const auto long_article = body_signature(article(text, 0, 10));
  // 19 words, 15 shingles, all of them in the long article: measured by
  // Jaccard (15 of 400 shingles), not by containment (which would be 1).
  const auto brief = body_signature(words_article(text, 40, 19));
  REQUIRE(brief.shingles == 15);
  CHECK(similarity(brief, long_article) < 0.3);
  // From 20 shingles on, containment: all of it is in the long article.
  const auto longer = body_signature(words_article(text, 40, 44));
  REQUIRE(longer.shingles == 40);
  CHECK(similarity(longer, long_article) > 0.6);
  // But 40 shingles of 400 agree on about 13 of the 128 bins, which text
  // made from templates reaches by chance: too little to mark it.
  CHECK(similarity_at_least(longer, long_article) < default_near_duplicate_threshold);
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  CHECK_FALSE(finder.add(long_article));
  CHECK_FALSE(finder.add(longer));
}

TEST_CASE("a body of a stock line or two is never a near-duplicate") {
  const auto text = words(7, 40);
  const auto stock = body_signature(words_article(text, 0, 13));  // 9 shingles
  CHECK(stock.shingles == 0);
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  CHECK_FALSE(finder.add(stock));
  CHECK_FALSE(finder.add(stock));
  CHECK(body_signature(words_article(text, 0, 14)).shingles == 10);
}

TEST_CASE("a cluster's first member is its original, and later members name it") {
  const auto text = words(4, 1000);
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  // A: paragraphs P0-P9. B: P0-P7 and new Q0-Q3, a near-duplicate of A.
  Document a = article(text, 0, 10);
  Document b = article(text, 0, 8);
  for (auto& block : article(text, 400, 4).blocks) b.blocks.push_back(block);
  CHECK_FALSE(finder.add(body_signature(a)));
  CHECK_FALSE(finder.add(body_signature(article(text, 800, 5))));  // unrelated
  const auto b_found = finder.add(body_signature(b));
  REQUIRE(b_found);
  CHECK(b_found->original == 0);
  // C: Q0-Q3, P7 and one new paragraph: 5 of its 6 paragraphs are in B, 1 in
  // A. It joins A's cluster through B, and names A, with what it shares with A.
  Document c = article(text, 400, 4);
  for (auto& block : article(text, 280, 1).blocks) c.blocks.push_back(block);
  for (auto& block : article(text, 600, 1).blocks) c.blocks.push_back(block);
  const auto c_found = finder.add(body_signature(c));
  REQUIRE(c_found);
  CHECK(c_found->original == 0);
  CHECK(c_found->similarity < default_near_duplicate_threshold);
  CHECK(finder.size() == 4);
}

TEST_CASE("the filter marks copies, or leaves them out and numbers what it keeps") {
  const auto text = words(5, 800);
  std::vector<Document> documents{article(text, 0, 10), article(text, 0, 10),
                                  article(text, 400, 10), article(text, 400, 9)};
  for (std::size_t i = 0; i < documents.size(); ++i)
    documents[i].metadata.source = "in/" + std::to_string(i) + ".txt";

  SECTION("mark") {
    NearDuplicateFilter filter(NearDuplicateMode::mark, default_near_duplicate_threshold);
    for (auto& document : documents)
      CHECK_FALSE(filter.leave_out(document, body_signature(document)));
    CHECK_FALSE(documents[0].metadata.near_duplicate_of);
    REQUIRE(documents[1].metadata.near_duplicate_of);
    CHECK(documents[1].metadata.near_duplicate_of->article == 1);
    CHECK(documents[1].metadata.near_duplicate_of->source == "in/0.txt");
    CHECK(documents[1].metadata.near_duplicate_of->similarity == 1.0);
    REQUIRE(documents[3].metadata.near_duplicate_of);
    CHECK(documents[3].metadata.near_duplicate_of->article == 3);
    CHECK(filter.found().size() == 2);
  }
  SECTION("drop") {
    NearDuplicateFilter filter(NearDuplicateMode::drop, default_near_duplicate_threshold);
    std::vector<bool> left_out;
    for (auto& document : documents)
      left_out.push_back(filter.leave_out(document, body_signature(document)));
    CHECK(left_out == std::vector<bool>{false, true, false, true});
    REQUIRE(filter.found().size() == 2);
    // The second original is the second article written.
    CHECK(filter.found()[1].of.article == 2);
    CHECK(filter.found()[1].source == "in/3.txt");
    CHECK(filter.found()[1].of.source == "in/2.txt");
  }
}

TEST_CASE(
    "thousands of unrelated articles give no near-duplicate, and every planted copy is found") {
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  std::size_t found = 0;
  std::size_t false_found = 0;
  for (std::uint64_t seed = 100; seed < 3100; ++seed) {
    const auto text = words(seed, 240);
    const auto result = finder.add(body_signature(article(text, 0, 6)));
    false_found += result.has_value();
    if (seed % 10 == 0) {  // a copy missing its last two paragraphs
      const auto copy = finder.add(body_signature(article(text, 0, 4)));
      found += copy.has_value() && copy->original == finder.size() - 2;
    }
  }
  CHECK(false_found == 0);
  CHECK(found == 300);
}

TEST_CASE("ten thousand articles made from the same sentence templates give no near-duplicate") {
  // The benchmark's corpus: 14 sentence templates filled with names, places
  // and topics, so that unrelated articles share many five-word sequences.
  // Each line of a dump is a paragraph here (its chrome too: more shared text).
  NearDuplicateFinder finder(default_near_duplicate_threshold);
  std::size_t found = 0;
  for (std::uint64_t index = 0; index < 10000; ++index) {
    Document document;
    std::istringstream lines(docconv::test::generate_article(1, index));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) document.blocks.push_back(Block{Paragraph{text_run(line)}, {}});
    found += finder.add(body_signature(document)).has_value();
  }
  CHECK(found == 0);
}

TEST_CASE("kept names stay as they were while blocks are added, a long one in a block of its own") {
  TextBlocks names;
  std::vector<std::string> originals;
  std::vector<std::string_view> kept;
  for (std::size_t i = 0; i < 5000; ++i) {
    // Every 997th name is longer than a block.
    originals.push_back(
        std::string(i % 997 == 0 ? 70000 : 20 + i % 90, static_cast<char>('a' + i % 26)) +
        std::to_string(i));
    kept.push_back(names.keep(originals.back()));
  }
  kept.push_back(names.keep(""));
  originals.emplace_back();
  std::size_t changed = 0;
  for (std::size_t i = 0; i < originals.size(); ++i) changed += kept[i] != originals[i];
  CHECK(changed == 0);
}
