// Unit tests of the classifier rules, each with cases it must accept and
// cases it must leave alone.
#include "rules.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace docconv::news_text;

TEST_CASE("chrome phrases are whole lines from the known list") {
  for (const char* line :
       {"All news", "Subscribe", "Newsfeed", "To participate in the discussion",
        "log in or register", "loader", "Chats", "  SUBSCRIBE  ", "All\u00a0news"})
    CHECK(is_chrome_phrase(line));
  for (const char* line : {"Subscribe to our channel for more news.", "All news agencies said so",
                           "0", "", "The loader broke down."})
    CHECK_FALSE(is_chrome_phrase(line));
}

TEST_CASE("counters are short digit-only lines") {
  CHECK(is_counter("0"));
  CHECK(is_counter(" 125 "));
  CHECK_FALSE(is_counter("0.5"));
  CHECK_FALSE(is_counter("2017 was a hard year"));
  CHECK_FALSE(is_counter("12345678"));
  CHECK_FALSE(is_counter(""));
}

TEST_CASE("closing punctuation, behind closing quotes too") {
  for (const char* text : {"He said.", "He said so.\"", "Really?", "Wait!", "And then…",
                           "as follows:", "“Quoted.”", "(File.)"})
    CHECK(ends_with_closing_punctuation(text));
  for (const char* text : {"Airspace Over Baltic Region", "Russia (File)", "", "NATO’s \"threat\""})
    CHECK_FALSE(ends_with_closing_punctuation(text));
}

TEST_CASE("titles: short lines that do not end like a sentence") {
  CHECK(looks_like_title("US using political pressure to draw Balkans into its orbit: Russia"));
  CHECK(looks_like_title("Lavrov: There are no threats in Baltic region"));
  CHECK(looks_like_title("Is NATO expanding again?"));
  CHECK_FALSE(looks_like_title("MOSCOW, June 5. /TASS/. Russian Foreign Minister said."));
  CHECK_FALSE(looks_like_title("The minister said it was over."));
  CHECK_FALSE(looks_like_title("- a list item"));
  CHECK_FALSE(looks_like_title("READ MORE: Something"));
  CHECK_FALSE(looks_like_title("© AP Photo/Czarek Sokolowski"));
  CHECK_FALSE(looks_like_title("All news"));
  CHECK_FALSE(looks_like_title(std::string(300, 'x')));
}

TEST_CASE("first sentence: abbreviations and initials do not end it") {
  CHECK(first_sentence("The U.S. said no. Then more.") == "The U.S. said no.");
  CHECK(first_sentence("Mr. Smith left. He came back.") == "Mr. Smith left.");
  CHECK(first_sentence("\"It is over.\" He left.") == "\"It is over.\"");
  CHECK(first_sentence("No end here") == "No end here");
  CHECK(first_sentence("Costs rose 3.5 percent. Then fell.") == "Costs rose 3.5 percent.");
}

TEST_CASE("derived titles: first sentence, at most 100 characters, cut at a word") {
  CHECK(derive_title("Short lead sentence. More text follows.") == "Short lead sentence");
  const std::string long_lead =
      "Russian Foreign Minister Sergey Lavrov has said that he will discuss with his Belarussian "
      "counterpart Vladimir Makey coordinated action.";
  const std::string title = derive_title(long_lead);
  CHECK(title ==
        "Russian Foreign Minister Sergey Lavrov has said that he will discuss with his "
        "Belarussian…");
  CHECK(derive_title(std::string(500, 'a')).size() == 99 + 3);  // 99 letters and "…"
  CHECK(derive_title("Один два три. Четыре.") == "Один два три");
}

TEST_CASE("summaries (standfirsts): six words or more without closing punctuation") {
  CHECK(
      looks_like_summary("Lavrov believes that \"nothing that is being done by NATO boosts "
                         "anyone’s security\", especially in the Balkans"));
  CHECK_FALSE(looks_like_summary("The minister said it was over and done with."));
  CHECK_FALSE(looks_like_summary("Airspace Over Baltic Region"));
  CHECK_FALSE(looks_like_summary("lower case start of a summary line here"));
}

TEST_CASE("subheadings: short, capitalised, no closing punctuation") {
  CHECK(looks_like_subheading("Airspace Over Baltic Region"));
  CHECK(looks_like_subheading("Russia does not have plans to attack NATO countries"));
  CHECK(looks_like_subheading("Background"));
  CHECK(looks_like_subheading("2017 in Review"));
  // A one-line paragraph that ends with a period is not a heading.
  CHECK_FALSE(looks_like_subheading("The minister left."));
  CHECK_FALSE(looks_like_subheading("He said so: \"No.\""));
  CHECK_FALSE(looks_like_subheading("lower case words are not a heading"));
  CHECK_FALSE(looks_like_subheading("\"Quoted line without end"));
  CHECK_FALSE(looks_like_subheading("0"));
  CHECK_FALSE(looks_like_subheading("Subscribe"));
  CHECK_FALSE(
      looks_like_subheading("One two three four five six seven eight nine ten eleven "
                            "twelve thirteen fourteen fifteen sixteen"));
}

TEST_CASE("related links: labels of the table, with a colon or glued to the headline") {
  CHECK(related_headline("READ MORE:\u00a0Editor Explains How NATO, EU Benefit") ==
        std::optional<std::string_view>("Editor Explains How NATO, EU Benefit"));
  CHECK(related_headline("Read more: Finns Disenchanted") ==
        std::optional<std::string_view>("Finns Disenchanted"));
  CHECK(related_headline("Lire aussi : Crise du logement") ==
        std::optional<std::string_view>("Crise du logement"));
  CHECK(related_headline("Lire aussiAu Sénégal, la pêche artisanale") ==
        std::optional<std::string_view>("Au Sénégal, la pêche artisanale"));
  CHECK(related_headline("Читайте также: Новости дня") ==
        std::optional<std::string_view>("Новости дня"));
  CHECK_FALSE(related_headline("READ MORE:"));
  CHECK_FALSE(related_headline("Read more about it in our archive."));
  CHECK_FALSE(related_headline("He told us to READ MORE: books"));
  CHECK_FALSE(related_headline("Relatedly, the council voted no."));
}

TEST_CASE("bullet items") {
  CHECK(bullet_item("- Putin believes NATO expansion policy is short-sighted") ==
        std::optional<std::string_view>("Putin believes NATO expansion policy is short-sighted"));
  CHECK(bullet_item("* starred") == std::optional<std::string_view>("starred"));
  CHECK(bullet_item("• dotted") == std::optional<std::string_view>("dotted"));
  CHECK_FALSE(bullet_item("-5 degrees at night"));
  CHECK_FALSE(bullet_item("— Да, — сказал он."));  // a dialogue dash, not a bullet
  CHECK_FALSE(bullet_item("- "));
}

TEST_CASE("quoted lines") {
  CHECK(quoted_line("> We will respond.") == std::optional<std::string_view>("We will respond."));
  CHECK_FALSE(quoted_line("5 > 3 is true"));
  CHECK_FALSE(quoted_line(">"));
}

TEST_CASE("credit lines") {
  CHECK(credit_line("© AP Photo/Czarek Sokolowski") == "AP Photo/Czarek Sokolowski");
  CHECK(credit_line("©\u00a0Sputnik /\u00a0Stringer") == "Sputnik / Stringer");
  CHECK(credit_line("Photo: Reuters") == "Photo: Reuters");
  CHECK_FALSE(credit_line("The photo was taken in 2016."));
  CHECK_FALSE(credit_line("©"));
  CHECK_FALSE(credit_line("© one two three four five six seven eight nine ten eleven twelve more"));
}

TEST_CASE("Sputnik mediabank captions: credit, link and caption glued together") {
  const auto figure = marked_caption(
      "©\u00a0Sputnik / Stringer\u00a0/\u00a0Go to the mediabankNATO's multinational battalion in "
      "Poland. (File)");
  REQUIRE(figure);
  CHECK(figure->credit == "Sputnik / Stringer");
  CHECK(figure->caption == "NATO's multinational battalion in Poland. (File)");
  CHECK(figure->credit_mark == "\u00a9");
  CHECK(figure->as_written ==
        "\u00a9\u00a0Sputnik / Stringer\u00a0/\u00a0Go to the mediabankNATO's multinational "
        "battalion in Poland. (File)");
  CHECK_FALSE(marked_caption("NATO's multinational battalion in Poland. (File)"));
}

TEST_CASE("piped captions: caption | credit") {
  const auto figure = piped_caption(
      "Andrey Kelin, director of the Department of European Cooperation (DEC) | Youtube snapshot",
      false);
  REQUIRE(figure);
  CHECK(figure->caption ==
        "Andrey Kelin, director of the Department of European Cooperation (DEC)");
  CHECK(figure->credit == "Youtube snapshot");
  CHECK(figure->credit_mark == "|");
  CHECK(figure->as_written.empty());
  // In the body the credit must say it is one.
  CHECK_FALSE(piped_caption("Revenue | Costs and other things", true));
  CHECK(piped_caption("Protesters in Kiev | Reuters", true));
  CHECK_FALSE(piped_caption("a|b", false));
  CHECK_FALSE(piped_caption("Prices rose | and then they fell again, as they always do.", false));
}

TEST_CASE("glued captions: caption and credit without separator") {
  auto figure = glued_caption("NATO drills in Poland AP Photo/Czarek Sokolowski", "");
  REQUIRE(figure);
  CHECK(figure->caption == "NATO drills in Poland");
  CHECK(figure->credit == "AP Photo/Czarek Sokolowski");
  figure = glued_caption("Lavrov in Helsinki Mikhail Metzel", "Mikhail Metzel");
  REQUIRE(figure);
  CHECK(figure->caption == "Lavrov in Helsinki");
  CHECK(figure->credit == "Mikhail Metzel");
  figure = glued_caption("Soldiers at the border EPA/Sergei Ilnitsky", "");
  REQUIRE(figure);
  CHECK(figure->credit == "EPA/Sergei Ilnitsky");
  CHECK_FALSE(glued_caption("The minister spoke in Helsinki on Monday.", ""));
  CHECK_FALSE(glued_caption("AP Photo/Czarek Sokolowski", ""));  // no caption
  CHECK_FALSE(glued_caption("Lavrov in Helsinki", "Mikhail Metzel"));
}

TEST_CASE("caption and credit repeats are duplicates") {
  const PhotoCaption figure{"NATO drills in Poland", "AP Photo/Czarek Sokolowski", "", ""};
  CHECK(duplicate_of("NATO drills in Poland", figure) == Duplicate::caption);
  CHECK(duplicate_of("© AP Photo/Czarek Sokolowski", figure) == Duplicate::credit);
  CHECK(duplicate_of("NATO drills in Poland - Sputnik International", figure) ==
        Duplicate::caption);
  CHECK(duplicate_of("NATO drills in Poland AP Photo/Czarek Sokolowski", figure) ==
        Duplicate::caption);
  CHECK(duplicate_of("NATO drills in Poland were large.", figure) == Duplicate::none);
  CHECK(duplicate_of("NATO drills in Poland - and what they mean for the region", figure) ==
        Duplicate::none);
}

TEST_CASE("lines that start a unit of their own") {
  CHECK(starts_own_unit("- item"));
  CHECK(starts_own_unit("READ MORE: x"));
  CHECK(starts_own_unit("© Reuters"));
  CHECK_FALSE(starts_own_unit("continued text of a wrapped paragraph"));
}

TEST_CASE("a derived title never cuts a character in two") {
  std::string lead;
  while (lead.size() < 5000) lead += "Жжжжжжжжжж";
  const std::string title = derive_title(lead);
  CHECK(title.ends_with("…"));
  CHECK(title.size() == 99 * 2 + 3);
}

TEST_CASE("credit marks and markers are kept as written") {
  CHECK(credit_mark("\u00a9 AP Photo/Czarek Sokolowski") == "\u00a9");
  CHECK(credit_mark("  (C) Reuters") == "(C)");
  CHECK(credit_mark("Photo: John Smith").empty());
  CHECK(credit_mark("(c)Reuters").empty());
  const std::string_view bullet = "  \u2022 Kremlin suspects Trump";
  CHECK(text_before(bullet, *bullet_item(bullet)) == "\u2022");
  const std::string_view related = "Read More : Finns Disenchanted";
  CHECK(text_before(related, *related_headline(related)) == "Read More :");
  const std::string_view quoted = "> We do not perceive this calmly";
  CHECK(text_before(quoted, *quoted_line(quoted)) == ">");
}
