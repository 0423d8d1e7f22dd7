// Pandoc is a real consumer of this output: it must read the YAML front
// matter as the model's metadata, and the body as cmark does.
#include "markdown_samples.hpp"
#include "markdown_tree.hpp"
#include "support.hpp"
#include "writer_support.hpp"

#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>
#include <docconv/text.hpp>
#include <nlohmann/json.hpp>

#include <cctype>

using namespace docconv;
using namespace docconv::markdown_test;
using nlohmann::json;

namespace {

const char* const pandoc = "/usr/bin/pandoc";

// Pandoc's AST of `markdown`, read as `dialect` (by default CommonMark with
// YAML metadata).
json pandoc_read(const std::string& markdown,
                 const std::string& dialect = "commonmark+yaml_metadata_block") {
  test::TempDir dir;
  test::write_file(dir / "in.md", markdown);
  const auto result = test::run(pandoc, {"-f", dialect, "-t", "json", (dir / "in.md").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

void inline_text(const json& inlines, std::string& out);

void inline_text_one(const json& node, std::string& out) {
  const std::string type = node.at("t");
  if (type == "Str")
    out += node.at("c").get<std::string>();
  else if (type == "Space" || type == "SoftBreak" || type == "LineBreak")
    out += ' ';
  else if (type == "Emph" || type == "Strong")
    inline_text(node.at("c"), out);
  else if (type == "Link")
    inline_text(node.at("c").at(1), out);
  else
    out += "<" + type + ">";  // anything else is markup the writer never meant
}

void inline_text(const json& inlines, std::string& out) {
  for (const auto& node : inlines) inline_text_one(node, out);
}

// The text of a metadata value that Pandoc read as inline text.
std::string meta_text(const json& meta, const std::string& key) {
  if (!meta.contains(key)) return "<missing>";
  const json& value = meta.at(key);
  if (value.at("t") == "MetaString") return value.at("c");
  if (value.at("t") != "MetaInlines") return "<" + value.at("t").get<std::string>() + ">";
  std::string out;
  inline_text(value.at("c"), out);
  return out;
}

// Pandoc blocks as the nodes markdown_tree.hpp compares.
Nodes pandoc_nodes(const json& blocks);

Segments pandoc_segments(const json& inlines, const std::string& kind = "text",
                         const std::string& url = {}) {
  Segments out;
  const auto add = [&](std::string k, std::string text, std::string u) {
    if (!out.empty() && out.back().kind == k && out.back().url == u)
      out.back().text += text;
    else
      out.push_back({std::move(k), std::move(text), std::move(u)});
  };
  for (const auto& node : inlines) {
    const std::string type = node.at("t");
    if (type == "Str") {
      add(kind, node.at("c"), url);
    } else if (type == "Space" || type == "SoftBreak") {
      add(kind, " ", url);
    } else if (type == "Quoted") {
      // Smart punctuation reads text between curly quotes as a quotation,
      // which Pandoc writes with the same curly quotes.
      const bool is_double = node.at("c").at(0).at("t") == "DoubleQuote";
      add(kind, is_double ? "\u201c" : "\u2018", url);
      for (auto& s : pandoc_segments(node.at("c").at(1), kind, url)) add(s.kind, s.text, s.url);
      add(kind, is_double ? "\u201d" : "\u2019", url);
    } else if (type == "Emph" || type == "Strong" || type == "Link") {
      const std::string inner = type == "Emph" ? "emph" : type == "Strong" ? "strong" : "link";
      const std::string nested = kind == "text" ? inner : kind + ">" + inner;
      const json& content = type == "Link" ? node.at("c").at(1) : node.at("c");
      const std::string target = type == "Link" ? node.at("c").at(2).at(0).get<std::string>() : url;
      for (auto& s : pandoc_segments(content, nested, target)) add(s.kind, s.text, s.url);
    } else {
      add(type, node.dump(), "");
    }
  }
  return out;
}

Node pandoc_node(const json& block) {
  const std::string type = block.at("t");
  Node node;
  if (type == "Para" || type == "Plain") {
    node.type = "paragraph";
    node.inlines = pandoc_segments(block.at("c"));
  } else if (type == "Header") {
    node.type = "heading";
    node.level = block.at("c").at(0);
    node.inlines = pandoc_segments(block.at("c").at(2));
  } else if (type == "BlockQuote") {
    node.type = "block_quote";
    node.children = pandoc_nodes(block.at("c"));
  } else if (type == "BulletList" || type == "OrderedList") {
    node.type = "list";
    node.ordered = type == "OrderedList";
    node.start = node.ordered ? block.at("c").at(0).at(0).get<int>() : 0;
    for (const auto& item : node.ordered ? block.at("c").at(1) : block.at("c"))
      node.children.push_back(Node{"item", 0, false, 0, {}, {}, pandoc_nodes(item)});
  } else if (type == "RawBlock") {
    node.type = "html_block";
    node.literal = block.at("c").at(1);
  } else {
    node.type = type;
  }
  return node;
}

Nodes pandoc_nodes(const json& blocks) {
  Nodes nodes;
  for (const auto& block : blocks) {
    // The writer's separator between two lists in a row, not part of the text.
    if (block.at("t") == "RawBlock" &&
        collapse_whitespace(block.at("c").at(1).get<std::string>()) == "<!-- -->")
      continue;
    nodes.push_back(pandoc_node(block));
  }
  return nodes;
}

// A URL with its %XX sequences decoded: Pandoc's Markdown reader
// percent-encodes characters such as '<' and ' ' in link targets, the same
// URL written another way.
std::string percent_decoded(const std::string& url) {
  std::string out;
  for (std::size_t i = 0; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() &&
        std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      out += static_cast<char>(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += url[i];
    }
  }
  return out;
}

// What Pandoc keeps of a tree: whitespace collapsed and trimmed per block
// (its Space elements), HTML literals without their final line ending.
void normalise(Nodes& nodes) {
  for (auto& node : nodes) {
    Segments merged;
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    // Each segment collapsed, keeping one space where it had some at an edge.
    for (auto s : node.inlines) {
      s.url = percent_decoded(s.url);
      const bool space_before = !s.text.empty() && is_space(s.text.front());
      const bool space_after = !s.text.empty() && is_space(s.text.back());
      const std::string core = collapse_whitespace(s.text);
      s.text = (space_before ? " " : "") + core + (space_after && !core.empty() ? " " : "");
      if (!merged.empty() && merged.back().kind == s.kind && merged.back().url == s.url)
        merged.back().text += s.text;
      else
        merged.push_back(s);
    }
    // Whitespace between segments as one space, none at the block's ends.
    std::string previous_end = " ";
    for (auto& s : merged) {
      if (previous_end == " " && !s.text.empty() && s.text.front() == ' ') s.text.erase(0, 1);
      std::string once;
      for (const char c : s.text)
        if (!(c == ' ' && !once.empty() && once.back() == ' ')) once += c;
      s.text = once;
      if (!s.text.empty()) previous_end = s.text.back() == ' ' ? " " : "x";
    }
    if (!merged.empty() && !merged.back().text.empty() && merged.back().text.back() == ' ')
      merged.back().text.pop_back();
    merged.erase(std::remove_if(merged.begin(), merged.end(),
                                [](const Segment& s) { return s.text.empty(); }),
                 merged.end());
    node.inlines.clear();
    for (auto& s : merged) {
      if (!node.inlines.empty() && node.inlines.back().kind == s.kind &&
          node.inlines.back().url == s.url)
        node.inlines.back().text += s.text;
      else
        node.inlines.push_back(std::move(s));
    }
    node.literal = collapse_whitespace(node.literal);  // Pandoc expands tabs in raw HTML
    normalise(node.children);
  }
}

struct Article {
  std::string title, standfirst, author, publisher, language, place, agency, source;
  PartialDate date;
};

Document document_of(const Article& a) {
  Document document;
  document.metadata.title = a.title;
  document.metadata.standfirst = a.standfirst;
  document.metadata.authors = {a.author, "Second Author"};
  document.metadata.publisher = a.publisher;
  document.metadata.language = a.language;
  document.metadata.dateline_place = a.place;
  document.metadata.agency = a.agency;
  document.metadata.source = a.source;
  document.metadata.date = a.date;
  document.blocks.push_back({Paragraph{text_run("Body.")}, {}});
  return document;
}

}  // namespace

TEST_CASE("Pandoc reads each article's front matter as its metadata") {
  const std::vector<Article> articles = {
      {"Lavrov: \"No threats\" in Baltic # 1 - [x] *y* _z_ \\ back",
       "- leading dash",
       "O'Brien, \"Jr.\"",
       "News: Daily #1",
       "en",
       "Moscow",
       "TASS",
       "fixtures/news/a b.txt",
       {2017, 6, 5}},
      {"1. numbered title",
       "# hash: not a heading",
       "> quoted",
       "---",
       "ru",
       "St. Petersburg",
       "Reuters",
       "x_y_z.txt",
       {0, 11, 27}},
      {"'single' & &amp; <b>bold</b> {braces} [link](x) `code` @at !bang %",
       "yes",
       "null",
       "123",
       "en-GB",
       "2017-06-05",
       "*",
       "&#35;.txt",
       {2017, 0, 0}},
      {"Кириллица — “quotes” 😀 ends with backslash \\",
       "key: value: more",
       "~~~",
       "| pipe |",
       "de",
       "a\tb",
       "[Sputnik]",
       "<x>.txt",
       {2016, 12, 0}},
  };
  Collection collection;
  for (const auto& article : articles) collection.documents.push_back(document_of(article));
  // The second repeats the first (--near-duplicates mark), whose title is hostile.
  collection.documents[1].metadata.near_duplicate_of =
      NearDuplicateOf{1, articles[0].title, articles[0].source, 0.87};
  const auto written = write_markdown(collection, {}, true);
  REQUIRE(written.parts.size() == articles.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    const auto& [name, markdown] = written.parts[i];
    CAPTURE(name, markdown);
    const json meta = pandoc_read(markdown).at("meta");
    CHECK(meta_text(meta, "title") == collapse_whitespace(a.title));
    CHECK(meta_text(meta, "subtitle") == collapse_whitespace(a.standfirst));
    // A date without its year is no "date" (static-site generators would
    // refuse it): the dateline's date carries it.
    CHECK(meta_text(meta, "date") == (a.date.year != 0 ? iso_date(a.date) : "<missing>"));
    CHECK(meta_text(meta, "lang") == a.language);
    CHECK(meta_text(meta, "publisher") == collapse_whitespace(a.publisher));
    CHECK(meta_text(meta, "source") == collapse_whitespace(a.source));
    REQUIRE(meta.at("author").at("t") == "MetaList");
    std::string first_author;
    inline_text(meta.at("author").at("c").at(0).at("c"), first_author);
    CHECK(first_author == collapse_whitespace(a.author));
    REQUIRE(meta.at("dateline").at("t") == "MetaMap");
    const json& dateline = meta.at("dateline").at("c");
    CHECK(meta_text(dateline, "place") == collapse_whitespace(a.place));
    CHECK(meta_text(dateline, "agency") == collapse_whitespace(a.agency));
    CHECK(meta_text(dateline, "date") == Phrases::of(a.language).date(a.date));
    if (i != 1) {
      CHECK_FALSE(meta.contains("near_duplicate_of"));
      continue;
    }
    REQUIRE(meta.at("near_duplicate_of").at("t") == "MetaMap");
    const json& original = meta.at("near_duplicate_of").at("c");
    CHECK(meta_text(original, "article") == "1");
    CHECK(meta_text(original, "title") == collapse_whitespace(articles[0].title));
    CHECK(meta_text(original, "source") == collapse_whitespace(articles[0].source));
    CHECK(meta_text(original, "file") == written.parts[0].first);
    CHECK(meta_text(original, "similarity") == "0.87");
  }
}

TEST_CASE("Pandoc reads the set's front matter of a one-file output") {
  Collection collection;
  collection.documents.push_back(document_of({"One", "", "A", "", "en", "", "", "", {}}));
  collection.documents.push_back(document_of({"Two", "", "B", "", "en", "", "", "", {}}));
  SECTION("without --title and --lang") {
    // The front matter is written with the first article: it cannot count
    // them, and takes the first one's language.
    const json meta = pandoc_read(write_markdown(collection).text).at("meta");
    CHECK(meta_text(meta, "title") == "News articles");
    CHECK(meta_text(meta, "lang") == "en");
  }
  SECTION("with them") {
    collection.metadata.title = "Baltic: a \"dossier\" # 2";
    collection.metadata.language = "en-GB";
    collection.metadata.authors = {"- Editor"};
    const json meta = pandoc_read(write_markdown(collection).text).at("meta");
    CHECK(meta_text(meta, "title") == collection.metadata.title);
    CHECK(meta_text(meta, "lang") == "en-GB");
    std::string author;
    inline_text(meta.at("author").at("c").at(0).at("c"), author);
    CHECK(author == "- Editor");
  }
}

TEST_CASE("Pandoc reads the body as cmark does, in each of its Markdown dialects") {
  // Two thousand generated articles of a few blocks each: hostile text in
  // every kind of block (one Pandoc run per dialect and wrap reads them all).
  Collection collection;
  collection.documents.push_back(every_position_document());
  for (unsigned seed = 1; seed <= 2000; ++seed) {
    auto choices = markdown_choices(seed);
    collection.documents.push_back(test::DocumentGenerator(choices).document(3));
  }
  // CommonMark; Pandoc's own Markdown, with every extension it reads by
  // default (smart punctuation, subscripts, citations, math, fancy lists...);
  // and commonmark_x, CommonMark with Pandoc's extensions (emoji among them).
  const auto dialect =
      GENERATE(as<std::string>{}, "commonmark+yaml_metadata_block", "markdown", "commonmark_x");
  for (const std::string wrap : {"0", "9"}) {
    CAPTURE(dialect, wrap);
    const auto written = write_markdown(collection, {{"wrap", wrap}, {"keep-removed", "true"}});
    Nodes by_pandoc = pandoc_nodes(pandoc_read(written.text, dialect).at("blocks"));
    Nodes by_cmark = parse_commonmark(split_front_matter(written.text).second);
    normalise(by_pandoc);
    normalise(by_cmark);
    const auto difference = compare(by_cmark, by_pandoc);
    if (!difference.empty()) FAIL(difference.substr(0, 6000));
  }
}

TEST_CASE("a wrapped list item never continues with what Pandoc takes for a list marker") {
  // Letters and Roman numerals before '.' or ')' are markers only at a line's
  // start: wrapping must not put them there.
  Document document;
  document.metadata.title = "Markers";
  const std::string text = "one a) two iv. three B. four x) five ii) six A. seven i. end";
  document.blocks.push_back(Block{List{false, {text_run(text), text_run(text)}}, {}});
  document.blocks.push_back(Block{List{true, {text_run(text)}}, {}});
  document.blocks.push_back(Block{RelatedLink{text_run(text), "https://example.org/"}, {}});
  Collection collection;
  collection.documents.push_back(document);
  for (const std::string wrap : {"1", "5", "9", "14"}) {
    CAPTURE(wrap);
    const auto written = write_markdown(collection, {{"wrap", wrap}});
    Nodes by_pandoc = pandoc_nodes(pandoc_read(written.text, "markdown").at("blocks"));
    Nodes by_cmark = parse_commonmark(split_front_matter(written.text).second);
    normalise(by_pandoc);
    normalise(by_cmark);
    const auto difference = compare(by_cmark, by_pandoc);
    if (!difference.empty()) FAIL(difference.substr(0, 3000) << "\n" << written.text);
    CHECK(check_one_file(collection, written.text, false).empty());
  }
}

TEST_CASE("Pandoc reads the fixtures' reviewed output as cmark does, in each dialect") {
  const std::string golden = test::read_file(test::fixtures_dir() / "golden" / "articles.md");
  const auto dialect =
      GENERATE(as<std::string>{}, "commonmark+yaml_metadata_block", "markdown", "commonmark_x");
  CAPTURE(dialect);
  Nodes by_pandoc = pandoc_nodes(pandoc_read(golden, dialect).at("blocks"));
  Nodes by_cmark = parse_commonmark(split_front_matter(golden).second);
  normalise(by_pandoc);
  normalise(by_cmark);
  const auto difference = compare(by_cmark, by_pandoc);
  if (!difference.empty()) FAIL(difference.substr(0, 6000));
}

TEST_CASE("Pandoc reads generated metadata values back as the same text") {
  // Many values in one front matter, one Pandoc run: the set's authors.
  auto choices = markdown_choices(7);
  Collection collection;
  for (int i = 0; i < 500; ++i) {
    std::string value = choices.text(10);
    if (!collapse_whitespace(value).empty()) collection.metadata.authors.push_back(value);
  }
  collection.documents.push_back(document_of({"One", "", "A", "", "en", "", "", "", {}}));
  const auto markdown = write_markdown(collection).text;
  const json meta = pandoc_read(markdown).at("meta");
  REQUIRE(meta.at("author").at("t") == "MetaList");
  const json& authors = meta.at("author").at("c");
  REQUIRE(authors.size() == collection.metadata.authors.size());
  for (std::size_t i = 0; i < authors.size(); ++i) {
    CAPTURE(i, collection.metadata.authors[i]);
    REQUIRE(authors[i].at("t") == "MetaInlines");
    std::string text;
    inline_text(authors[i].at("c"), text);
    CHECK(collapse_whitespace(text) == collapse_whitespace(collection.metadata.authors[i]));
  }
}
