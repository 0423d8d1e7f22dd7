// The shape of the tei writer's output: corpus, single TEI, split files,
// header contents, body structure, ids, and what happens to bad text.

#include "sample_documents.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <docconv/text.hpp>
#include <docconv/version.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>

#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>

#include <chrono>

#include <algorithm>
#include <set>
#include <string_view>

using namespace docconv;
using namespace docconv::tei::test;
using namespace docconv::test;

namespace {

std::string_view name_of(pugi::xml_node node) {
  return node.name();
}
std::string_view attribute(pugi::xml_node node, const char* name) {
  return node.attribute(name).value();
}

/// The only TEI of the output of one article.
pugi::xml_document single_tei(const Document& article, const OptionValues& options = {}) {
  return parse_tei(write_tei(collection_of({article}), options));
}

std::vector<std::string_view> child_names(pugi::xml_node node) {
  std::vector<std::string_view> names;
  for (pugi::xml_node child : node.children())
    if (child.type() == pugi::node_element) names.push_back(child.name());
  return names;
}

// All the text inside `node`, as a reader of the archive's running text gets it.
std::string text_of_element(pugi::xml_node node) {
  std::string text;
  for (const pugi::xpath_node& piece : node.select_nodes(".//text()")) text += piece.node().value();
  return text;
}

}  // namespace

TEST_CASE("the tei plugin is a writer for .tei.xml and .xml that can split") {
  const auto& plugin = tei_plugin();
  CHECK(plugin.info.kind == PluginKind::writer);
  CHECK(plugin.info.supports_split);
  CHECK_FALSE(plugin.info.binary_output);
  CHECK(plugin.info.extensions == std::vector<std::string>{".tei.xml", ".xml"});
  const auto& registry = docconv::test::project_plugins();
  CHECK(registry.find("tei-xml", PluginKind::writer) == &plugin);
  CHECK(registry.find("xml", PluginKind::writer) == &plugin);
  CHECK(registry.writer_for_path("out/articles.tei.xml") == &plugin);
  std::set<std::string> options;
  for (const auto& option : plugin.info.options) options.insert(option.name);
  CHECK(options == std::set<std::string>{"licence", "licence-url", "publisher"});
}

TEST_CASE("several articles become one teiCorpus: its header, then one TEI per article") {
  const std::string xml = write_tei(collection_of(all_samples()));
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  const auto document = parse_tei(xml);
  const pugi::xml_node corpus = document.document_element();
  REQUIRE(name_of(corpus) == "teiCorpus");
  CHECK(attribute(corpus, "xmlns") == "http://www.tei-c.org/ns/1.0");
  CHECK(child_names(corpus).front() == "teiHeader");
  const auto articles = tei_articles(document);
  REQUIRE(articles.size() == all_samples().size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    CHECK(attribute(articles[i], "xml:id") == fmt::format("a{:04}", i + 1));
    CHECK_FALSE(std::string_view(attribute(articles[i], "xml:lang")).empty());
    CHECK(articles[i].attribute("xmlns").empty());  // inherited from teiCorpus
  }
  CHECK(attribute(articles[0], "xml:lang") == "en");
  CHECK(attribute(articles[5], "xml:lang") == "ru");
  CHECK(attribute(articles[3], "xml:lang") == "und");  // no language known
}

TEST_CASE("the corpus header names the collection, its authors and language") {
  Collection collection = collection_of({realistic_article(), non_latin_article()});
  collection.metadata.title = "NATO & the Balkans, 2017";
  collection.metadata.authors = {"A. Archivist"};
  collection.metadata.language = "en";
  const auto document = parse_tei(write_tei(collection));
  const pugi::xml_node header = document.document_element().child("teiHeader");
  CHECK(std::string_view(header.child("fileDesc").child("titleStmt").child_value("title")) ==
        "NATO & the Balkans, 2017");
  CHECK(std::string_view(header.child("fileDesc").child("titleStmt").child_value("author")) ==
        "A. Archivist");
  CHECK(attribute(header.child("profileDesc").child("langUsage").child("language"), "ident") ==
        "en");
  CHECK(attribute(document.document_element(), "xml:lang") == "en");
}

TEST_CASE("a single article becomes one TEI document, not a corpus") {
  const std::string xml = write_tei(collection_of({realistic_article()}));
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
  const auto document = parse_tei(xml);
  const pugi::xml_node tei = document.document_element();
  CHECK(name_of(tei) == "TEI");
  CHECK(attribute(tei, "xmlns") == "http://www.tei-c.org/ns/1.0");
  CHECK(attribute(tei, "xml:id") == "a0001");
  CHECK(child_names(tei) == std::vector<std::string_view>{"teiHeader", "text"});
}

TEST_CASE("split mode writes one TEI file per article, named by number and title") {
  const auto samples = all_samples();
  const auto parts = write_tei_split(collection_of(samples));
  REQUIRE(parts.size() == samples.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    CHECK(parts[i].first == split_file_name(i + 1, samples[i].metadata.title, ".tei.xml"));
    const auto document = parse_tei(parts[i].second);
    CHECK(name_of(document.document_element()) == "TEI");
    CHECK(attribute(document.document_element(), "xml:id") == fmt::format("a{:04}", i + 1));
  }
  CHECK(parts[0].first == "0001-lavrov-there-are-no-threats-in-baltic-region-that-would.tei.xml");
}

TEST_CASE("an empty article set is refused with a message") {
  docconv::testing::MemorySink sink;
  CollectedWarnings warnings;
  CHECK_THROWS_WITH(host::write_collection(tei_plugin(), Collection{}, sink, {}, warnings),
                    Catch::Contains("no article"));
}

TEST_CASE("the article header describes title, source, application and language") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node header = document.document_element().child("teiHeader");
  const pugi::xml_node file_desc = header.child("fileDesc");
  const pugi::xml_node title = file_desc.child("titleStmt").child("title");
  CHECK(std::string_view(title.child_value()) == realistic_article().metadata.title);
  CHECK(attribute(title, "type") == "main");

  const pugi::xml_node bibl = file_desc.child("sourceDesc").child("bibl");
  CHECK(std::string_view(bibl.child_value("title")) == realistic_article().metadata.title);
  CHECK(std::string_view(bibl.child_value("publisher")) == "TASS");
  CHECK(attribute(bibl.child("orgName"), "role") == "agency");
  CHECK(std::string_view(bibl.child_value("orgName")) == "TASS");
  CHECK(std::string_view(bibl.child_value("pubPlace")) == "Moscow");
  CHECK(attribute(bibl.child("date"), "when") == "--06-06");
  CHECK(std::string_view(bibl.find_child_by_attribute("idno", "type", "file").child_value()) ==
        "fixtures/news/004_6902fbf2ab0facc4.txt");
  CHECK(std::string_view(bibl.find_child_by_attribute("idno", "type", "url").child_value()) ==
        "https://tass.com/politics/880000?utm source=feed");

  const pugi::xml_node application =
      header.child("encodingDesc").child("appInfo").child("application");
  CHECK(attribute(application, "ident") == "docconv");
  CHECK(attribute(application, "version") == version_string);
  CHECK(header.child("encodingDesc").child("editorialDecl"));

  const pugi::xml_node profile = header.child("profileDesc");
  CHECK(attribute(profile.child("langUsage").child("language"), "ident") == "en");
  CHECK(std::string_view(profile.child("abstract").child_value("p")) ==
        realistic_article().metadata.standfirst);
}

TEST_CASE("a derived title is marked as derived in the header and the body") {
  const auto document = single_tei(derived_title_article());
  const pugi::xml_node tei = document.document_element();
  const pugi::xml_node file_desc = tei.child("teiHeader").child("fileDesc");
  CHECK(attribute(file_desc.child("titleStmt").child("title"), "type") == "derived");
  CHECK(file_desc.child("notesStmt").find_child_by_attribute("note", "type", "derivedTitle"));
  CHECK_FALSE(file_desc.child("sourceDesc").child("bibl").child("title"));  // not the source's
  const pugi::xml_node title = tei.select_node("text/front/titlePage/docTitle/titlePart").node();
  CHECK(attribute(title, "type") == "main");
  CHECK(attribute(title, "subtype") == "derived");
  CHECK_FALSE(tei.child("text").child("body").child("head"));
}

TEST_CASE("an article without any title gets a supplied one in the header only") {
  const auto document = single_tei(only_removed_article());
  const pugi::xml_node tei = document.document_element();
  const pugi::xml_node title =
      tei.child("teiHeader").child("fileDesc").child("titleStmt").child("title");
  CHECK(attribute(title, "type") == "supplied");
  CHECK_FALSE(tei.child("text").child("front"));
  CHECK_FALSE(tei.child("text").child("body").child("head"));
}

TEST_CASE("publicationStmt names the publisher first, then date and licence") {
  Collection collection = collection_of({realistic_article()});
  collection.metadata.source_date_epoch = 1700000000;
  const OptionValues options{{"publisher", "Example Archive"},
                             {"licence", "CC BY 4.0"},
                             {"licence-url", "https://creativecommons.org/licenses/by/4.0/"}};
  const auto document = parse_tei(write_tei(collection, options));
  const pugi::xml_node statement =
      document.document_element().child("teiHeader").child("fileDesc").child("publicationStmt");
  CHECK(child_names(statement) ==
        std::vector<std::string_view>{"publisher", "date", "availability"});
  CHECK(std::string_view(statement.child_value("publisher")) == "Example Archive");
  CHECK(attribute(statement.child("date"), "when") == "2023-11-14T22:13:20Z");
  const pugi::xml_node licence = statement.child("availability").child("licence");
  CHECK(std::string_view(licence.child_value()) == "CC BY 4.0");
  CHECK(attribute(licence, "target") == "https://creativecommons.org/licenses/by/4.0/");
}

// The @when of the conversion date in `tei`: publicationStmt's and revisionDesc's, which agree.
std::string conversion_time(const pugi::xml_document& tei) {
  const pugi::xml_node header = tei.document_element().child("teiHeader");
  const std::string when{
      attribute(header.child("fileDesc").child("publicationStmt").child("date"), "when")};
  CHECK(attribute(header.child("revisionDesc").child("change"), "when") == when);
  return when;
}

TEST_CASE("without SOURCE_DATE_EPOCH the header carries the time of conversion") {
  const auto seconds = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const std::int64_t before = seconds();
  const auto document = parse_tei(write_tei(collection_of(all_samples())));
  const std::int64_t after = seconds();
  const std::string when = conversion_time(document);
  CHECK((when == utc_timestamp(before) || when == utc_timestamp(after)));
  const pugi::xml_node statement =
      document.document_element().child("teiHeader").child("fileDesc").child("publicationStmt");
  CHECK(child_names(statement) ==
        std::vector<std::string_view>{"authority", "date", "availability"});
  CHECK(std::string_view(statement.child_value("authority")) ==
        std::string("docconv ") + version_string);
  // No licence given: said to be unknown, not left out.
  CHECK(attribute(statement.child("availability"), "status") == "unknown");
  CHECK(std::string_view(statement.child("availability").child_value("p")) == "licence unknown");
}

TEST_CASE("with SOURCE_DATE_EPOCH two runs give the same file") {
  Collection collection = collection_of(all_samples());
  collection.metadata.source_date_epoch = 1700000000;
  const std::string first = write_tei(collection);
  CHECK(first == write_tei(collection));
  CHECK(conversion_time(parse_tei(first)) == "2023-11-14T22:13:20Z");
}

TEST_CASE("an out-of-range SOURCE_DATE_EPOCH is reported and the time of conversion used") {
  Collection collection = collection_of({realistic_article()});
  collection.metadata.source_date_epoch = -5;
  docconv::testing::MemorySink sink;
  CollectedWarnings warnings;
  host::write_collection(tei_plugin(), collection, sink, {}, warnings);
  REQUIRE(warnings.messages.size() == 1);
  CHECK_THAT(warnings.messages[0], Catch::Contains("SOURCE_DATE_EPOCH"));
  const std::string when = conversion_time(parse_tei(sink.text()));
  CHECK_FALSE(when.empty());
  CHECK(when.rfind("1969", 0) == std::string::npos);
}

TEST_CASE("the header tells which file the article came from: name, size, SHA-256, encoding") {
  Document article = realistic_article();
  article.metadata.extras[std::string(source_bytes_key)] = "2753";
  article.metadata.identifiers[std::string(source_sha256_key)] = std::string(64, 'a');
  const auto document = single_tei(article);
  const pugi::xml_node bibl = document.select_node("//sourceDesc/bibl").node();
  CHECK(attribute(bibl.select_node("extent/measure").node(), "quantity") == "2753");
  CHECK(attribute(bibl.select_node("extent/measure").node(), "unit") == "byte");
  CHECK(std::string_view(bibl.find_child_by_attribute("idno", "type", "sha256").child_value()) ==
        std::string(64, 'a'));
  CHECK(std::string_view(bibl.find_child_by_attribute("note", "type", "encoding").child_value()) ==
        "UTF-8");
  // Said once: not again among the notes.
  CHECK(document.select_nodes("//notesStmt/note").empty());
  const pugi::xml_node change = document.select_node("//revisionDesc/change").node();
  CHECK(attribute(change, "who") == "#docconv");
  CHECK_THAT(change.text().as_string(), Catch::Contains(article.metadata.source));
}

TEST_CASE("members of a corpus share the corpus header's declarations") {
  const auto document = parse_tei(write_tei(collection_of(all_samples())));
  CHECK(document.select_nodes("//encodingDesc").size() == 1);
  CHECK(document.select_node(
      "/teiCorpus/teiHeader/encodingDesc/appInfo/application[@xml:id='docconv']"));
  CHECK(document.select_nodes("/teiCorpus/TEI/teiHeader/revisionDesc").size() ==
        all_samples().size());
}

TEST_CASE("the dateline stands at division level, before the first paragraph") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node body = document.document_element().child("text").child("body");
  const pugi::xml_node dateline = body.child("dateline");
  REQUIRE(dateline);
  // The source's own dateline, with its parts marked where they stand.
  CHECK(std::string_view(dateline.child_value("placeName")) == "MOSCOW");
  CHECK(std::string_view(dateline.child_value("orgName")) == "TASS");
  CHECK(attribute(dateline.child("date"), "when") == "--06-06");
  CHECK(std::string_view(dateline.child_value("date")) == "June 6");
  CHECK(dateline.text().as_string() == std::string_view(", "));
  CHECK(attribute(dateline, "n") == "10");
  const auto names = child_names(body);
  const auto dateline_at = std::find(names.begin(), names.end(), "dateline");
  const auto first_paragraph = std::find(names.begin(), names.end(), "p");
  CHECK(dateline_at < first_paragraph);
  CHECK(names.front() == "argument");
  CHECK(document.select_nodes("//p//dateline").empty());
}

TEST_CASE("a dateline made from metadata alone reads Place, Month D (Agency)") {
  Document article = realistic_article();
  article.metadata.in_source.dateline_text.clear();
  const auto document = single_tei(article);
  const pugi::xml_node dateline =
      document.document_element().child("text").child("body").child("dateline");
  std::string text;
  for (const pugi::xpath_node& found : dateline.select_nodes(".//text()"))
    text += found.node().value();
  CHECK(text == "Moscow, June 6 (TASS)");
  CHECK(std::string_view(dateline.child_value("placeName")) == "Moscow");
  // Not in the source: marked as docconv's, pointing to the application entry.
  CHECK(attribute(dateline, "resp") == "#docconv");
  CHECK(document.select_node("//appInfo/application[@xml:id='docconv']"));
  CHECK(single_tei(realistic_article())
            .document_element()
            .child("text")
            .child("body")
            .child("dateline")
            .attribute("resp")
            .empty());  // as written: the source's
}

TEST_CASE("a Cyrillic dateline is marked up like a Latin one") {
  const auto document = single_tei(non_latin_article());
  const pugi::xml_node dateline =
      document.document_element().child("text").child("body").child("dateline");
  CHECK(std::string_view(dateline.child_value("placeName")) ==
        "\u041c\u041e\u0421\u041a\u0412\u0410");
  CHECK(attribute(dateline.child("date"), "when") == "2016-06-06");
  CHECK(std::string_view(dateline.child_value("date")) == "6 \u0438\u044e\u043d\u044f");
  CHECK(std::string_view(dateline.child_value("orgName")) == "\u0422\u0410\u0421\u0421");
}

TEST_CASE("a source dateline whose date is not found as written still carries @when") {
  Document article = realistic_article();
  article.metadata.in_source.dateline_text = "Somewhere /TASS/";
  const auto document = single_tei(article);
  const pugi::xml_node dateline =
      document.document_element().child("text").child("body").child("dateline");
  CHECK_FALSE(dateline.child("placeName"));  // not found: left as text
  CHECK(attribute(dateline.child("date"), "when") == "--06-06");
  CHECK(std::string_view(dateline.child_value("date")).empty());
}

TEST_CASE("where the reader found title, standfirst and dateline goes to @n, extras to notes") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node tei = document.document_element();
  const pugi::xml_node body = tei.child("text").child("body");
  CHECK(attribute(tei.select_node("text/front/titlePage/docTitle/titlePart").node(), "n") == "3");
  CHECK(attribute(body.child("argument"), "n") == "5");
  CHECK(attribute(body.child("dateline"), "n") == "10");
  // The encoding describes the file: in sourceDesc, not among the notes.
  CHECK_FALSE(tei.child("teiHeader").child("fileDesc").child("notesStmt"));
  CHECK(tei.select_node("teiHeader/fileDesc/sourceDesc/bibl/note[@type='encoding']"));
}

TEST_CASE("a dateline date has a full @when when the year is known, none when invalid") {
  CHECK(attribute(single_tei(derived_title_article())
                      .document_element()
                      .child("text")
                      .child("body")
                      .child("dateline")
                      .child("date"),
                  "when") == "2017-06-05");
  const auto odd = single_tei(special_characters_article());
  const pugi::xml_node date =
      odd.document_element().child("text").child("body").child("dateline").child("date");
  CHECK(std::string_view(date.child_value()) == "February 30");
  CHECK(date.attribute("when").empty());
  CHECK_FALSE(single_tei(article_without_dateline())
                  .document_element()
                  .child("text")
                  .child("body")
                  .child("dateline"));
}

TEST_CASE("subheadings open nested divisions that mirror the heading levels") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node body = document.document_element().child("text").child("body");
  const pugi::xml_node first = body.find_child_by_attribute("div", "xml:id", "a0001-d7");
  REQUIRE(first);
  CHECK(attribute(first, "type") == "section");
  CHECK(std::string_view(first.child_value("head")) ==
        "Russia does not have plans to attack NATO countries");
  const pugi::xml_node nested = first.find_child_by_attribute("div", "xml:id", "a0001-d9");
  REQUIRE(nested);
  CHECK(child_names(nested) == std::vector<std::string_view>{"head", "quote", "list", "list"});
  CHECK(body.find_child_by_attribute("div", "xml:id", "a0001-d13"));  // level 2 again: a sibling
}

TEST_CASE("removed text is kept in back as surplus, its reason an attribute, not text") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node boilerplate =
      document.document_element().child("text").child("back").find_child_by_attribute(
          "div", "type", "boilerplate");
  REQUIRE(boilerplate);
  // A heading of docconv's sets the division apart from the article.
  CHECK(attribute(boilerplate.child("head"), "resp") == "#docconv");
  std::vector<std::string> reasons;
  for (pugi::xml_node ab : boilerplate.children("ab")) {
    CHECK(attribute(ab, "type") == "removed");
    reasons.emplace_back(attribute(ab.child("surplus"), "reason"));
    CHECK(text_of_element(ab) == ab.child("surplus").text().as_string());
  }
  CHECK(reasons == std::vector<std::string>{"site chrome", "duplicate caption", "site chrome"});
  CHECK(std::string_view(boilerplate.child("ab").child_value("surplus")) == "All news");
}

namespace {

// Nesting as text: "(x(y)(z))" for a section x holding y and z.
std::string section_shape(const Section& section, const std::vector<Block>& blocks) {
  std::string out = "(";
  if (section.heading != nullptr) out += std::to_string(section.heading - blocks.data() + 1);
  for (const Section& sub : section.subsections) out += section_shape(sub, blocks);
  return out + ")";
}

// The same from the divisions: their xml:id "a0001-dN" holds the number of
// the heading block that opened them.
std::string division_shape(pugi::xml_node parent, bool top) {
  std::string out = "(";
  if (!top) {
    const std::string id(attribute(parent, "xml:id"));
    out += id.substr(id.rfind("-d") + 2);
  }
  for (pugi::xml_node div : parent.children("div")) out += division_shape(div, false);
  return out + ")";
}

}  // namespace

TEST_CASE("the divisions are the sections of section_tree(), for any heading levels") {
  for (unsigned seed = 1; seed <= 60; ++seed) {
    RandomChoices choices(seed);
    Document article = DocumentGenerator(choices).document(30);
    const auto document = single_tei(article);
    CAPTURE(seed);
    CHECK(division_shape(document.document_element().child("text").child("body"), true) ==
          section_shape(section_tree(article.blocks), article.blocks));
  }
}

TEST_CASE("figures, lists, quotes, related links and inline formatting are encoded") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node body = document.document_element().child("text").child("body");
  const pugi::xml_node figure = body.child("figure");
  CHECK(std::string_view(figure.child_value("head")) == "NATO drills in Poland");
  CHECK(std::string_view(figure.find_child_by_attribute("note", "type", "credit").child_value()) ==
        "AP Photo/Czarek Sokolowski");
  const pugi::xml_node related = body.find_child_by_attribute("list", "type", "related");
  CHECK(std::string_view(related.child("item").child_value()) ==
        "Putin believes NATO expansion policy is short-sighted");
  const pugi::xml_node linked = document.select_node("//list[@type='related']/item/ref").node();
  CHECK(attribute(linked, "target") == "https://tass.com/world/1");
  const pugi::xml_node paragraph = body.find_child_by_attribute("p", "xml:id", "a0001-p4");
  CHECK(std::string_view(paragraph.child_value("emph")) == "militarization");
  CHECK(attribute(paragraph.child("hi"), "rend") == "strong");
  CHECK(attribute(paragraph.child("ref"), "target") == "https://example.org/a%20b");
  CHECK(document.select_nodes("//list[@rend='numbered']/item").size() == 2);
  CHECK(document.select_nodes("//quote/p").size() == 2);
}

TEST_CASE("markers are kept as written: bullets, quote marks, READ MORE labels, credit marks") {
  const auto document = single_tei(realistic_article());
  const pugi::xml_node body = document.document_element().child("text").child("body");
  const auto children = [](pugi::xml_node node) {
    std::vector<std::string> found;
    for (pugi::xml_node child : node.children())
      if (child.type() == pugi::node_element)
        found.push_back(std::string(child.name()) + "[" + attribute(child, "type").data() +
                        "]=" + child.child_value());
    return found;
  };
  // (label, item)+ for a bulleted list; item+ when the source had no bullet.
  CHECK(children(document.select_node("//list[@xml:id='a0001-l11']").node()) ==
        std::vector<std::string>{"label[bullet]=\u2022", "item[]=Finland", "label[bullet]=\u2022",
                                 "item[]=Sweden", "label[bullet]=\u2022",
                                 "item[]=the Baltic states"});
  CHECK(children(document.select_node("//list[@xml:id='a0001-l12']").node()) ==
        std::vector<std::string>{"item[]=first point", "item[]=second point"});
  CHECK(children(document.select_node("//quote[@xml:id='a0001-q10']").node()) ==
        std::vector<std::string>{"label[quoteMark]=>", "p[]=We do not hide our negative attitude.",
                                 "label[quoteMark]=>",
                                 "p[]=Here Russia\u2019s sovereign rights come into force."});
  CHECK(children(body.find_child_by_attribute("list", "xml:id", "a0001-r6")) ==
        std::vector<std::string>{"label[readMore]=READ MORE:",
                                 "item[]=Putin believes NATO expansion policy is short-sighted"});
  // Caption, mark and credit in source order.
  CHECK(children(body.child("figure")) ==
        std::vector<std::string>{"head[]=NATO drills in Poland", "label[creditMark]=|",
                                 "note[credit]=AP Photo/Czarek Sokolowski"});
}

TEST_CASE("a figure cut out of a longer line keeps the line as written, its parts derived") {
  const auto document = single_tei(derived_title_article());
  const pugi::xml_node figure = document.select_node("//figure[@xml:id='a0001-f4']").node();
  REQUIRE(figure);
  CHECK(std::string_view(figure.find_child_by_attribute("ab", "type", "asWritten").child_value()) ==
        "\u00a9 Sputnik / Stringer / Go to the mediabankSergey Lavrov");
  const pugi::xml_node head = figure.child("head");
  CHECK(std::string_view(head.child_value()) == "Sergey Lavrov");
  CHECK(attribute(head, "type") == "derived");
  const pugi::xml_node mark = figure.child("label");
  CHECK(std::string_view(mark.child_value()) == "\u00a9");
  CHECK(attribute(mark, "type") == "creditMark");
  CHECK(attribute(mark, "subtype") == "derived");
  const pugi::xml_node credit = figure.child("note");
  CHECK(std::string_view(credit.child_value()) == "Sputnik / Stringer");
  CHECK(attribute(credit, "type") == "credit");
  CHECK(attribute(credit, "subtype") == "derived");
  // A figure of the source itself has no derived parts.
  const auto plain = single_tei(realistic_article());
  CHECK(plain.select_nodes("//figure/*[@type='derived' or @subtype='derived']").empty());
}

TEST_CASE("every block has a unique, stable xml:id and its source lines in @n") {
  const auto samples = all_samples();
  const auto document = parse_tei(write_tei(collection_of(samples)));
  std::set<std::string> ids;
  for (const auto& found : document.select_nodes("//*[@xml:id]")) {
    const std::string id = found.node().attribute("xml:id").value();
    CHECK(ids.insert(id).second);
  }
  const auto articles = tei_articles(document);
  for (std::size_t a = 0; a < samples.size(); ++a) {
    const auto blocks = block_elements(articles[a]);
    REQUIRE(blocks.size() == samples[a].blocks.size());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = samples[a].blocks[i];
      CHECK(blocks[i].number == i + 1);
      CHECK(blocks[i].kind == kind_letter(block.content));
      const std::string expected_n = block.lines.first == 0 ? ""
                                     : block.lines.last > block.lines.first
                                         ? fmt::format("{}-{}", block.lines.first, block.lines.last)
                                         : std::to_string(block.lines.first);
      CHECK(attribute(blocks[i].element, "n") == expected_n);
    }
  }
  CHECK(ids.count("a0001-p4") == 1);
  CHECK(ids.count("a0001-x16") == 1);
}

TEST_CASE("text that XML 1.0 cannot hold never reaches the output, markup survives as text") {
  const std::string xml = write_tei(collection_of({special_characters_article()}));
  CHECK(is_xml_safe(xml));
  CHECK(xml.find('\x01') == std::string::npos);
  CHECK(xml.find("\xef\xbf\xbe") == std::string::npos);  // U+FFFE
  const auto document = parse_tei(xml);
  const pugi::xml_node title = document.document_element()
                                   .child("teiHeader")
                                   .child("fileDesc")
                                   .child("titleStmt")
                                   .child("title");
  CHECK(std::string_view(title.child_value()) ==
        "<b>Tags</b> & \"quotes\" & 'apostrophes' ]]> --> <!-- \xef\xbf\xbd\xef\xbf\xbd control");
  CHECK(attribute(document.select_node("//p[@xml:id='a0001-p4']/ref").node(), "target") ==
        "javascript:alert(%22x%22)%20%3Cb%3E");
  CHECK(attribute(document.document_element(), "xml:lang") == "und");  // not a language tag
}

TEST_CASE("what the writer adds is in the articles' language") {
  Document article = non_latin_article();  // Russian
  article.metadata.in_source.dateline_text.clear();
  article.blocks.push_back({Removed{"Подписаться", "site chrome"}, {}});
  const auto document = parse_tei(write_tei(collection_of({article, non_latin_article()})));
  // The corpus title of a set given no --title, in the first article's language.
  const pugi::xml_node title =
      document.select_node("/teiCorpus/teiHeader/fileDesc/titleStmt/title").node();
  CHECK(std::string_view(title.child_value()) == Phrases::of("ru").collection_title());
  CHECK(attribute(title, "xml:lang") == "ru");
  CHECK(std::string_view(document.select_node("//back/div/head").node().child_value()) ==
        Phrases::of("ru").removed());
  // A dateline composed from the metadata, its date in Russian.
  CHECK(std::string_view(document.select_node("//dateline[@resp]/date").node().child_value()) ==
        "6 \u0438\u044e\u043d\u044f 2016");
}

TEST_CASE("text in another alphabet than its article's language says so with xml:lang") {
  Document english = realistic_article();
  english.blocks.push_back(
      {Removed{"\u041f\u043e\u0434\u043f\u0438\u0441\u0430\u0442\u044c\u0441\u044f", "site chrome"},
       {40, 40}});
  english.blocks.push_back(
      {Paragraph{text_run("Lavrov met Makei (\u041c\u0430\u043a\u0435\u0439).")}, {41, 41}});
  const auto document = single_tei(english);
  const pugi::xml_node chrome = document.select_node("//ab[@type='removed'][last()]").node();
  CHECK(attribute(chrome, "xml:lang") == "und-Cyrl");
  // Mostly English with a Cyrillic name: the article's language stands.
  CHECK(document.select_node("//p[last()]").node().attribute("xml:lang").empty());
  CHECK(document.select_nodes("//p[@xml:lang]").empty());

  Document russian = non_latin_article();
  russian.blocks.push_back({Removed{"Subscribe", "site chrome"}, {40, 40}});
  const auto ru = single_tei(russian);
  CHECK(attribute(ru.select_node("//ab[@type='removed'][last()]").node(), "xml:lang") ==
        "und-Latn");

  // A language whose alphabet is not known for sure marks nothing.
  Document japanese = realistic_article();
  japanese.metadata.language = "ja";
  CHECK(single_tei(japanese).select_nodes("//text//*[@xml:lang]").empty());
}
