// The page around the article: bylines, time stamps, reading times, the
// phrase tables and their file format, and whole pages whose article sits
// between menus and footers.
#include "byline.hpp"
#include "dateline.hpp"
#include "phrase_rules.hpp"
#include "reader.hpp"
#include "rules.hpp"

#include <docconv/plugin.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace docconv;
using namespace docconv::news_text;

namespace {

const PhraseRules& rules() {
  return PhraseRules::defaults();
}

std::vector<std::string> authors(std::string_view line) {
  auto found = parse_byline(line, rules());
  return found ? *found : std::vector<std::string>{};
}

class RecordedLines final : public LineReport {
 public:
  void line(std::size_t number, std::string_view label, std::string_view,
            std::string_view reason) override {
    labels[number] = std::string(label);
    reasons[number] = std::string(reason);
  }
  std::map<std::size_t, std::string> labels;
  std::map<std::size_t, std::string> reasons;
};

class FixedCensus final : public LineCensus {
 public:
  std::size_t inputs() const override { return 40; }
  std::size_t inputs_with(std::uint64_t) const override { return count; }
  std::size_t count = 1;
};

const std::string body_one =
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, "
    "after engineers found that two of its steel supports had corroded faster than expected.";
const std::string body_two =
    "Cyclists and pedestrians will still be able to cross, the council said in a statement, and a "
    "ferry will run every twenty minutes while the supports are replaced over two summers.";
const std::string body_three =
    "Local businesses on the north bank said they feared losing customers, and asked the council "
    "for help with the cost of deliveries during the closure, which could last until 2028.";

// A page as a browser's "select all" gives it: menus, the article, footers.
std::string page() {
  return "Skip to main content\nHome\nNews\nSport\nWeather\nSign in\n\nLocal news\n\n"
         "Harbour bridge to close to cars for two years\n\n"
         "By Jane Porter and Tom Ellis, City Herald\n"
         "Published 3 March 2025\n\n" +
         body_one + "\n\n" + body_two + "\n\nWhat happens next?\n\n" + body_three +
         "\n\nShare\nTwitter\nFacebook\n\nMost read\n"
         "Mayor opens new library in the east end\nSchool meals to be free from September\n\n"
         "© 2025 City Herald. All rights reserved.\n";
}

}  // namespace

TEST_CASE("bylines name the people, not the site, the role or the editors") {
  CHECK(authors("By Jane Porter") == std::vector<std::string>{"Jane Porter"});
  CHECK(authors("By Jane Porter and Tom Ellis, City Herald") ==
        std::vector<std::string>{"Jane Porter", "Tom Ellis"});
  CHECK(authors("By Jane Porter, BBC News") == std::vector<std::string>{"Jane Porter"});
  CHECK(authors("Von Anna Weber und Jonas Keller") ==
        std::vector<std::string>{"Anna Weber", "Jonas Keller"});
  CHECK(authors("Par Claire Morel") == std::vector<std::string>{"Claire Morel"});
  CHECK(authors("Автор: Иван Петров") == std::vector<std::string>{"Иван Петров"});
  CHECK(authors("Reporting by Suzanne Baird and Tom Whitcombe; Editing by Martin Lessing") ==
        std::vector<std::string>{"Suzanne Baird", "Tom Whitcombe"});
  CHECK(authors("Jane Porter | Reuters") == std::vector<std::string>{"Jane Porter"});
  CHECK(authors("By Jane Porter in Kyiv") == std::vector<std::string>{"Jane Porter"});
}

TEST_CASE("what is not a byline") {
  for (const char* line :
       {"By the way, the council has not decided yet.",
        "Par ailleurs, le conseil n'a pas encore décidé.", "By 2030",
        "Harbour bridge to close to cars for two years", "Home | News | Sport"}) {
    INFO(line);
    CHECK_FALSE(parse_byline(line, rules()));
  }
}

TEST_CASE("time stamps give the page's date, with the year when it is written") {
  CHECK(parse_timestamp("Published 3 March 2025", rules()) == PartialDate{2025, 3, 3});
  CHECK(parse_timestamp("Updated 4:12 PM EST, March 5, 2025", rules()) == PartialDate{2025, 3, 5});
  CHECK(parse_timestamp("03.03.2025, 10.42 Uhr", rules()) == PartialDate{2025, 3, 3});
  CHECK(parse_timestamp("Publié le 27/02/2025 à 06:00", rules()) == PartialDate{2025, 2, 27});
  CHECK(parse_timestamp("5 июня 2025, 14:32", rules()) == PartialDate{2025, 6, 5});
  CHECK(parse_timestamp("Updated 10:42 GMT", rules()) == PartialDate{});
  CHECK(parse_timestamp("7 hours ago", rules()) == PartialDate{});
  for (const char* line :
       {"He said 3 people died on 4 March.", "Harbour bridge to close", "The 2025 budget", "12"}) {
    INFO(line);
    CHECK_FALSE(parse_timestamp(line, rules()));
  }
}

TEST_CASE("reading times") {
  CHECK(is_reading_time("4 min read", rules()));
  CHECK(is_reading_time("Lesezeit: 4 Min.", rules()));
  CHECK_FALSE(is_reading_time("The 4 minutes that changed the match", rules()));
}

TEST_CASE("datelines of the world's agencies, place in capitals or mixed case") {
  struct Case {
    const char* text;
    const char* place;
    const char* agency;
    int month, day;
  };
  for (const Case& c : std::vector<Case>{
           {"Paris (AFP) - Text.", "Paris", "AFP", 0, 0},
           {"RIGA, Latvia, March 14 (UPI) -- Text.", "Riga", "UPI", 3, 14},
           {"МОСКВА, 5 июн — РИА Новости. Текст.", "Москва", "РИА Новости", 6, 5},
           {"Москва. 24 апреля. INTERFAX.RU - Текст.", "Москва", "INTERFAX.RU", 4, 24},
           {"Київ, 11 вересня. Укрінформ. Текст.", "Київ", "Укрінформ", 9, 11},
           {"Madrid, 3 mar (EFE).- Texto.", "Madrid", "EFE", 3, 3},
           {"(ANSA) - GENOVA, 03 MAR - Testo.", "Genova", "ANSA", 3, 3},
           {"TOKYO, March 4 - Text.", "Tokyo", "", 3, 4},
           {"NEW YORK, Jan. 5, 2025 /PRNewswire/ -- Text.", "New York", "PRNewswire", 1, 5},
           {"New Delhi, Jan 23 (PTI) The ministry said.", "New Delhi", "PTI", 1, 23},
           {"Bologna, 3 marzo 2025 – Testo.", "Bologna", "", 3, 3},
       }) {
    INFO(c.text);
    const auto dateline = parse_dateline(c.text, rules());
    REQUIRE(dateline);
    CHECK(dateline->place == c.place);
    CHECK(dateline->agency == c.agency);
    CHECK(dateline->month == c.month);
    CHECK(dateline->day == c.day);
  }
  CHECK(parse_dateline("NEW YORK, Jan. 5, 2025 /PRNewswire/ -- Text.", rules())->year == 2025);
  CHECK_FALSE(parse_dateline("Smith (R) - said the bill was dead.", rules()));
  CHECK_FALSE(parse_dateline("Paris is a city of bridges.", rules()));
}

TEST_CASE("phrase tables: whole lines, starts and labels, ignoring case and counters") {
  CHECK(rules().is_whole(PhraseKind::chrome, "Skip to main content"));
  CHECK(rules().is_whole(PhraseKind::chrome, "COMMENTS (12)"));
  CHECK(rules().is_whole(PhraseKind::chrome, "Поделиться"));
  CHECK_FALSE(rules().is_whole(PhraseKind::chrome, "Share prices fell"));
  CHECK(rules().prefix_length(PhraseKind::chrome_start, "All rights reserved.") > 0);
  CHECK(rules().prefix_length(PhraseKind::byline, "Bypass road opened") == 0);
  CHECK(rules().agency("reuters") == "Reuters");
  CHECK(rules().month("Sept.") == 9);
  CHECK(rules().month("червня") == 6);
}

TEST_CASE("a rules file adds phrases: a bad one names its line") {
  PhraseRules mine = PhraseRules::defaults();
  mine.add(
      "docconv-news-rules 1\n# mine\n[chrome]\nJetzt Probeabo sichern\n[agency]\nAgenzia Nova\n",
      "mine.rules");
  CHECK(mine.is_whole(PhraseKind::chrome, "Jetzt Probeabo sichern"));
  CHECK(mine.agency("agenzia nova") == "Agenzia Nova");
  CHECK_FALSE(PhraseRules::defaults().is_whole(PhraseKind::chrome, "Jetzt Probeabo sichern"));
  const auto error_of = [](std::string_view text) {
    PhraseRules rules;
    try {
      rules.add(text, "bad.rules");
    } catch (const Error& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("[chrome]\nx\n") ==
        "bad.rules:1: the first line must be 'docconv-news-rules 1' "
        "(the format version)");
  CHECK(error_of("docconv-news-rules 1\n\n[chrom]\n") == "bad.rules:3: unknown section [chrom]");
  CHECK(error_of("docconv-news-rules 1\nphrase\n") ==
        "bad.rules:2: a phrase before the first "
        "[section]");
  CHECK(error_of("docconv-news-rules 1\n[month]\n13 foo\n") ==
        "bad.rules:3: a [month] line is a month number 1-12, then its names");
  CHECK(error_of("") == "bad.rules:1: empty rules file: no 'docconv-news-rules 1'");
}

TEST_CASE("a page: the headline between menus and byline, the article, the footer") {
  std::string why;
  RecordedLines lines;
  const auto document = build_article(page(), why, {}, nullptr, nullptr, &lines);
  REQUIRE(document);
  const Metadata& metadata = document->metadata;
  CHECK(metadata.title == "Harbour bridge to close to cars for two years");
  CHECK(metadata.authors == std::vector<std::string>{"Jane Porter", "Tom Ellis"});
  CHECK(metadata.date == PartialDate{2025, 3, 3});
  // Where they were found (Metadata::in_source): the headline's line, the byline's first.
  CHECK(metadata.in_source.title == SourceLines{10, 10});
  CHECK(metadata.in_source.byline.first == 12);
  CHECK(metadata.in_source.dateline_text.empty());
  std::vector<std::string> kept;
  for (const Block& block : document->blocks)
    if (!std::holds_alternative<Removed>(block.content))
      kept.emplace_back(block_type_name(block.content));
  CHECK(kept == std::vector<std::string>{"paragraph", "paragraph", "heading", "paragraph"});
  // Every line has its label; menus above the headline and footers after the text are chrome.
  CHECK(lines.labels[1] == "chrome");
  CHECK(lines.labels[8] == "chrome");
  CHECK(lines.labels[10] == "title");
  CHECK(lines.labels[12] == "byline");
  CHECK(lines.labels[13] == "byline");
  CHECK(lines.labels[15] == "paragraph");
  CHECK(lines.labels[19] == "subhead");
  CHECK(lines.labels[2] == "chrome");
  CHECK(lines.reasons[2] == "site chrome");
  CHECK(lines.labels[11] == "blank");
  for (std::size_t line = 23; line <= 31; ++line)
    if (lines.labels[line] != "blank") CHECK(lines.labels[line] == "chrome");
  CHECK(lines.reasons[29] == "site chrome: after the article");
}

TEST_CASE("lines the input set repeats are the sites' furniture") {
  const std::string text = "Harbour bridge to close to cars\n\nOur weekly podcast\n\n" + body_one +
                           "\n\n" + body_two + "\n\nBridges of the north\n\n" + body_three + "\n";
  std::string why;
  RecordedLines alone;
  REQUIRE(build_article(text, why, {}, nullptr, nullptr, &alone));
  CHECK(alone.labels[9] == "subhead");
  CHECK(alone.reasons[3] == "site chrome: in the page head");
  FixedCensus census;
  census.count = 12;  // every line of this input is in 12 of 40 inputs
  RecordedLines in_set;
  const auto document = build_article(text, why, {}, nullptr, &census, &in_set);
  REQUIRE(document);
  CHECK(in_set.labels[3] == "chrome");
  CHECK(in_set.reasons[3] == "repeated in 12 of 40 inputs");
  CHECK(in_set.labels[9] == "chrome");
  // Prose the set repeats (syndicated copy) stays the article's.
  CHECK(in_set.labels[5] == "paragraph");
  CHECK(in_set.labels[11] == "paragraph");
}

TEST_CASE("captions that carry their credit in brackets or in a last short sentence") {
  const auto bracketed = bracketed_credit_caption(
      "Photo taken on June 4, 2025 shows the new warehouse in Almaty. (Xinhua/Li Ming)");
  REQUIRE(bracketed);
  CHECK(bracketed->caption == "Photo taken on June 4, 2025 shows the new warehouse in Almaty.");
  CHECK(bracketed->credit == "Xinhua/Li Ming");
  CHECK(bracketed->as_written.starts_with("Photo taken"));
  CHECK_FALSE(bracketed_credit_caption("The minister said the talks would go on (in Japan)"));
  const auto trailing = trailing_credit_caption(
      "Поїзд Укрзалізниці на вокзалі у Києві. Фото: "
      "Укрзалізниця");
  REQUIRE(trailing);
  CHECK(trailing->caption == "Поїзд Укрзалізниці на вокзалі у Києві.");
  CHECK(trailing->credit == "Фото: Укрзалізниця");
  CHECK(trailing_credit_caption("Станция метро в Санкт-Петербурге. Архивное фото"));
  CHECK_FALSE(trailing_credit_caption("The council met on Monday. It voted to close the bridge."));
}

TEST_CASE("credit lines without a mark: a name and a source, courtesy lines") {
  CHECK(credit_line("Scott Olson/Getty Images"));
  CHECK(credit_line("Courtesy Federal Aviation Administration"));
  CHECK_FALSE(credit_line("Prices rose 3/4 of a point."));
  CHECK_FALSE(credit_line("see https://example.com/a"));
}

TEST_CASE("bylines that put the role first, names that are no names") {
  CHECK(authors("By North Queensland reporter Liam Garrity and Jessica Tran") ==
        std::vector<std::string>{"Liam Garrity", "Jessica Tran"});
  CHECK_FALSE(looks_like_name("KYODO NEWS"));
  CHECK_FALSE(looks_like_name("Redazione ANSA"));
  CHECK_FALSE(looks_like_name("Video PlayerClose"));
  CHECK(looks_like_name("CARMEN SERRANO"));
  CHECK(looks_like_name("Lucía Herrero"));
}

TEST_CASE("a caption before the first paragraph does not hide its dateline: FILE - is no place") {
  CHECK_FALSE(parse_dateline("FILE - Firefighters work to contain a wildfire.", rules()));
  CHECK(parse_dateline("MILANO \u2014 Quattro chilometri di pista.", rules())->place == "Milano");
  std::string why;
  const auto document = build_article(
      "Senate votes on pay\n\nFILE - Firefighters at work\n\nWASHINGTON (AP) \u2014 " + body_one +
          "\n\n" + body_two + "\n",
      why);
  REQUIRE(document);
  CHECK(document->metadata.dateline_place == "Washington");
  CHECK(document->metadata.agency == "AP");
}

namespace {

std::string title_of(const std::string& head, RecordedLines* lines = nullptr) {
  std::string why;
  const auto document =
      build_article(head + body_one + "\n\n" + body_two + "\n", why, {}, nullptr, nullptr, lines);
  return document ? document->metadata.title : "(no article: " + why + ")";
}

}  // namespace

TEST_CASE("headlines in heads of other shapes: breadcrumbs, kickers, share bars, bare credits") {
  const std::string headline = "Harbour bridge to close to cars for two years";
  // A breadcrumb that ends in the headline, right above it.
  CHECK(title_of("Home › World › " + headline + "\n" + headline + "\n\n") == headline);
  // A kicker above the headline; a longer summary under it is the standfirst.
  CHECK(title_of("Transport in the city\n" + headline + "\n\n") == headline);
  CHECK(title_of(headline +
                 "\nEngineers found two corroded supports and the council wants them replaced "
                 "before the winter storms\n\n") == headline);
  // A headline that ends with a period, repeated by the page's share bar.
  const std::string sentence_headline = "The bridge closes. Here is what the city loses.";
  CHECK(title_of("Share this post\n" + sentence_headline + "\nCopy link\nFacebook\n\n" +
                 sentence_headline + "\nBy Jane Porter\nMar 09, 2025\n\n") == sentence_headline);
  // A sentence said once is no headline.
  CHECK(title_of("Home\nNews\n\n" + sentence_headline + "\n\n") != sentence_headline);
  // A headline over a photo that has only a credit.
  RecordedLines lines;
  CHECK(title_of("Home\nNews\nSport\n\n12 March 2025 10:47\n" + headline +
                     "\nPhoto: Jane Porter/City Herald\n",
                 &lines) == headline);
  CHECK(lines.labels[7] == "credit");
}

TEST_CASE("a source line with a full date is the page's time stamp, not a photo credit") {
  const std::string text =
      "Harbour bridge to close to cars for two years\n\n"
      "Source: City Herald| 2025-03-12 16:42:10|Editor: jp\n\n" +
      body_one + "\n\n" + body_two + "\n";
  std::string why;
  RecordedLines lines;
  const auto document = build_article(text, why, {}, nullptr, nullptr, &lines);
  REQUIRE(document);
  CHECK(document->metadata.date == PartialDate{2025, 3, 12});
  CHECK(lines.labels[3] == "byline");
  for (const Block& block : document->blocks)
    CHECK_FALSE(std::holds_alternative<Figure>(block.content));
}

namespace {

// The labels of `text`'s lines, read alone.
std::map<std::size_t, std::string> labels_of(const std::string& text) {
  std::string why;
  RecordedLines lines;
  REQUIRE(build_article(text, why, {}, nullptr, nullptr, &lines));
  return lines.labels;
}

}  // namespace

TEST_CASE("boxes inside the text: widget labels, lines the page repeats, teasers with a date") {
  const std::string head = "Harbour bridge to close to cars for two years\n\n";
  // A short line that names a newsletter is a box's label, not a subheading;
  // a subheading stays one.
  auto labels = labels_of(head + body_one + "\n\nFree weekly newsletter\n\n" + body_two +
                          "\n\nWhat happens next\n\n" + body_three + "\n");
  CHECK(labels[5] == "chrome");
  CHECK(labels[9] == "subhead");
  // A short line the page says twice is a button; a sentence said twice stays text.
  labels = labels_of(head + body_one + "\n\nAd Feedback\n\n" + body_two + "\n\nAd Feedback\n\n" +
                     body_three + "\n\n" + body_three + "\n");
  CHECK(labels[5] == "chrome");
  CHECK(labels[9] == "chrome");
  CHECK(labels[11] == "paragraph");
  CHECK(labels[13] == "paragraph");
  // A date and time above a headline inside the text: another article's teaser.
  labels = labels_of(head + body_one + "\n" + body_two + "\n4 June, 18:20\n" +
                     "Ferry service to the north bank doubles its crossings\n" + body_three + "\n");
  CHECK(labels[5] == "related");
  CHECK(labels[6] == "related");
  CHECK(labels[7] == "paragraph");
}

TEST_CASE("subheadings between dashes: questions in a text without blank lines") {
  auto labels = labels_of("Harbour bridge to close to cars for two years\n\n" + body_one +
                          "\n\n- \"A first step\" -\n\n" + body_two + "\n\n- What next ? -\n\n" +
                          body_three + "\n");
  CHECK(labels[5] == "subhead");
  CHECK(labels[9] == "subhead");
  // One blank line in the page's head does not make the text's paragraphs
  // stand between blank lines.
  labels = labels_of("Home\nNews\n\nHarbour bridge to close to cars for two years\n" + body_one +
                     "\nWho pays for it?\n" + body_two + "\n" + body_three + "\n");
  CHECK(labels[6] == "subhead");
}

TEST_CASE("bylines of other shapes: a name alone, a name and its role, a name and a date") {
  CHECK(authors("Selin Karaca |05.06.2025 - Update : 05.06.2025") ==
        std::vector<std::string>{"Selin Karaca"});
  CHECK_FALSE(looks_like_name("ABC North Qld", rules()));
  CHECK_FALSE(looks_like_name("Support Our Journalism", rules()));  // [not-name]
  CHECK_FALSE(looks_like_name("Zur Startseite", rules()));
  CHECK(looks_like_name("Helena Marsh", rules()));
  CHECK(looks_like_name("CARMEN SERRANO", rules()));
  CHECK(is_reading_time("4 mn", rules()));
  CHECK_FALSE(is_reading_time("4 ministers", rules()));
  const std::string head = "Harbour bridge to close to cars for two years\n\n";
  const auto author_of = [&](const std::string& between) {
    std::string why;
    const auto document = build_article(head + between + body_one + "\n\n" + body_two + "\n", why,
                                        {}, nullptr, nullptr, nullptr);
    REQUIRE(document);
    return document->metadata.authors;
  };
  CHECK(author_of("Jane Porter\n\n") == std::vector<std::string>{"Jane Porter"});
  CHECK(author_of("Jane Porter Transport correspondent\nWed 5 Mar 2025 06.00 GMT\n\n") ==
        std::vector<std::string>{"Jane Porter"});
  CHECK(author_of("Texte par :\nJane Porter\n\n") == std::vector<std::string>{"Jane Porter"});
  // The site's name under the author's is no second author.
  CHECK(author_of("By Jane Porter\nCity Herald staff reporter\n\n") ==
        std::vector<std::string>{"Jane Porter"});
}

TEST_CASE("a caption whose credit follows a copyright sign") {
  const auto figure = trailing_credit_caption(
      "Fishing boats on the beach at Guet Ndar, March 1, 2025. © Seydou Camara, AFP", rules());
  REQUIRE(figure);
  CHECK(figure->credit == "© Seydou Camara, AFP");
}

TEST_CASE("dates as pages glue and shorten them: a place alone above the text") {
  CHECK(find_date("March 3, 20259:14 AM GMTUpdated 2 hours ago", rules()) ==
        PartialDate{2025, 3, 3});
  CHECK(find_date("14:32, 05.06.25", rules()) == PartialDate{2025, 6, 5});
  CHECK(parse_timestamp("Posted Mon 10 Mar 2025 at 6:05am, updated Mon 10 Mar 2025 at 9:48am",
                        rules()) == PartialDate{2025, 3, 10});
  const auto gallery = marked_caption("[1/2] Houses under construction are seen in Kent.");
  REQUIRE(gallery);
  CHECK(gallery->caption == "Houses under construction are seen in Kent.");
  CHECK_FALSE(marked_caption("[Read: The hidden cost of cheap generic drugs]"));
  std::string why;
  RecordedLines lines;
  const auto document = build_article(
      "Harbour bridge to close to cars for two years\n\nJane Porter |05.06.2025\n\n"
      "ANKARA\n\n" +
          body_one + "\n\n" + body_two + "\n",
      why, {}, nullptr, nullptr, &lines);
  REQUIRE(document);
  CHECK(document->metadata.dateline_place == "Ankara");
  CHECK(document->metadata.in_source.dateline_text == "ANKARA");
  CHECK(lines.labels[5] == "dateline");
  CHECK(lines.labels[7] == "paragraph");
}

TEST_CASE("end marks, link boxes, credits before their caption, desk sign-offs") {
  const std::string head = "Harbour bridge to close to cars for two years\n\n";
  // An end mark between dashes is chrome, not a subheading.
  auto labels = labels_of(head + body_one + "\n\n" + body_two + "\n\n– FIN –\n");
  CHECK(labels[7] == "chrome");
  // A box of links under its label ends at the blank line after it.
  labels = labels_of(head + body_one + "\n\nRelated\nFerry service doubles its crossings\n\n" +
                     "What the council decided\n\n" + body_two + "\n");
  CHECK(labels[5] == "related");
  CHECK(labels[6] == "related");
  CHECK(labels[8] == "subhead");
  // "Image source, X" then "Image caption, ...": the paragraph above is text.
  labels =
      labels_of(head + body_one + "\n\n" + body_two + "\n\nImage source, Reuters\n\n" +
                "Image caption, Rescuers carried a victim through the mud\n\n" + body_three + "\n");
  CHECK(labels[5] == "paragraph");
  CHECK(labels[7] == "credit");
  CHECK(labels[9] == "caption");
  // Wire copy's desk initials close the text.
  CHECK(is_wire_signoff("mrc/dpa"));
  CHECK(is_wire_signoff("ama/jmi/dch"));
  CHECK_FALSE(is_wire_signoff("km/h"));
  labels = labels_of(head + body_one + "\n\n" + body_two + "\n\nmrc/dpa\n");
  CHECK(labels[7] == "byline");
}

TEST_CASE("a live page: the headline above the byline, not an item of the summary under it") {
  std::string why;
  const auto document = build_article(
      "Home\nNews\nLive\n"
      "Snow and ice cause travel disruption across Scotland\n"
      "Live Reporting\nBy Nadia Farouk and Tom Keegan\nSummary\n"
      "An amber warning for snow is in force in the Highlands until the evening\n"
      "More than 200 schools are closed, most of them in Aberdeenshire and the Highlands\n"
      "ScotRail has cancelled all services north of Perth for the rest of the day\n"
      "About 4,000 homes are without power, according to the network operator\n"
      "14:12 GMT\nGritters out in force ahead of evening rush\n" +
          body_one + "\n" + body_two + "\n",
      why, {}, nullptr, nullptr, nullptr);
  REQUIRE(document);
  CHECK(document->metadata.title == "Snow and ice cause travel disruption across Scotland");
  CHECK(document->metadata.authors == std::vector<std::string>{"Nadia Farouk", "Tom Keegan"});
}

TEST_CASE("learnt from a held-out set: glued marks, dates alone, names under the text") {
  CHECK(parse_timestamp("Reuters•06/06/2025 à 09:12", rules()) == PartialDate{2025, 6, 6});
  CHECK(parse_timestamp("14.04.2025", rules()) == PartialDate{2025, 4, 14});
  CHECK(parse_timestamp("11.21am", rules()).has_value());
  CHECK(has_numeric_date("Газета «Коммерсантъ» №186 от 08.10.2025, стр. 9", rules()));
  CHECK_FALSE(has_numeric_date("Harbour bridge to close to cars for two years", rules()));
  CHECK(authors("Author: Megan Kessler") == std::vector<std::string>{"Megan Kessler"});
  CHECK(authors("Par Mathilde Garnier (Agen, envoyée spéciale)") ==
        std::vector<std::string>{"Mathilde Garnier"});
  CHECK(authors("di [19]Marco Lenzi") == std::vector<std::string>{"Marco Lenzi"});
  // The author's name alone under the text, when the head named nobody.
  std::string why;
  const auto document = build_article(
      "Harbour bridge to close to cars for two years\n\n" + body_one + "\n\n" + body_two +
          "\n\nJane Porter\nSchool meals to be free from September\nMayor opens new library\n",
      why, {}, nullptr, nullptr, nullptr);
  REQUIRE(document);
  CHECK(document->metadata.authors == std::vector<std::string>{"Jane Porter"});
  // A headline above its longer standfirst wins over a caption further down.
  CHECK(title_of("Home\nNews\n\nHarbour bridge to close to cars\n"
                 "Engineers found two corroded supports, and the council wants them replaced "
                 "before the winter storms come.\n"
                 "The old harbour bridge seen from the north bank on a winter morning at dawn\n"
                 "Photo: Jane Porter/City Herald\n\n") == "Harbour bridge to close to cars");
}

TEST_CASE("trailers in brackets, labelled reading times, error-report and copy-link lines") {
  CHECK(authors("(Reportage Camille Raynaud, édité par Hélène Castaing)") ==
        std::vector<std::string>{"Camille Raynaud"});
  CHECK(is_reading_time("Время на прочтение: 4 мин.", rules()));
  CHECK(rules().prefix_length(PhraseKind::chrome_start,
                              "Помітили помилку? Виділіть її та натисніть Ctrl+Enter") > 0);
  CHECK(rules().is_whole(PhraseKind::chrome, "Копіювати посилання"));
  // A trailer in brackets after the text is the article's, not chrome.
  std::string why;
  const auto document =
      build_article("Harbour bridge to close to cars for two years\n\n" + body_one + "\n\n" +
                        body_two + "\n\n(Reporting by Jane Porter; Editing by Tom Ellis)\n",
                    why, {}, nullptr, nullptr, nullptr);
  REQUIRE(document);
  CHECK(document->metadata.authors == std::vector<std::string>{"Jane Porter"});
}

TEST_CASE("a summary right under the headline, then the author's name and the time stamp") {
  std::string why;
  RecordedLines lines;
  const auto document = build_article(
      "Harbour bridge to close to cars for two years\n\n"
      "Engineers found two corroded supports, and the council wants them replaced soon.\n\n"
      "Jane Porter\n4 March 2025, 13:42\n\n" +
          body_one + "\n\n" + body_two + "\n",
      why, {}, nullptr, nullptr, &lines);
  REQUIRE(document);
  CHECK(lines.labels[3] == "standfirst");
  CHECK(document->metadata.authors == std::vector<std::string>{"Jane Porter"});
  CHECK(document->metadata.date == PartialDate{2025, 3, 4});
}
