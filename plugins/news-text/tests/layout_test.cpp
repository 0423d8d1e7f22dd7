// Unit tests of line splitting and hard-wrap joining.
#include "layout.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace docconv::news_text;

namespace {

// `paragraphs` hard-wrapped greedily at `width` columns, blank lines between.
std::string wrap(const std::vector<std::string>& paragraphs, std::size_t width) {
  std::string out;
  for (const std::string& paragraph : paragraphs) {
    std::string line;
    std::size_t start = 0;
    while (start < paragraph.size()) {
      std::size_t end = paragraph.find(' ', start);
      if (end == std::string::npos) end = paragraph.size();
      const std::string word = paragraph.substr(start, end - start);
      if (!line.empty() && line.size() + 1 + word.size() > width) {
        out += line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
      start = end + 1;
    }
    out += line + "\n\n";
  }
  return out;
}

const std::string para1 =
    "The United States is using political pressure to draw the Balkan states into NATO, Moscow "
    "is concerned about such attempts, a Russian diplomat said on Monday in an interview.";
const std::string para2 =
    "According to the diplomat, the key efforts of Washington were at present aimed at fully "
    "mastering the western Balkans, and after Montenegro, drawing other countries in too.";
const std::string para3 =
    "We do not perceive this calmly, because any wave of NATO expansion is an additional factor "
    "complicating European security, he said, adding that Moscow would respond.";

}  // namespace

TEST_CASE("split_lines trims lines and numbers them from 1") {
  const auto lines = split_lines("  a  \n\nb\u00a0\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "a");
  CHECK(lines[1].text.empty());
  CHECK(lines[2].text == "b");
  CHECK(lines[2].number == 3);
  CHECK(lines[2].length == 1);
}

TEST_CASE("text hard-wrapped at a fixed width is joined back into paragraphs") {
  for (const std::size_t width : {60u, 72u, 80u}) {
    INFO(width);
    const std::string text = "A Title Line\n\n" + wrap({para1, para2, para3}, width);
    const Layout layout = make_units(text);
    CHECK(layout.wrap_width > 0);
    CHECK(layout.wrap_width <= width);
    REQUIRE(layout.units.size() == 4);
    CHECK(layout.units[0].text == "A Title Line");
    CHECK(layout.units[1].text == para1);
    CHECK(layout.units[2].text == para2);
    CHECK(layout.units[3].text == para3);
    CHECK(layout.units[1].lines.first == 3);
    CHECK(layout.units[1].lines.last > 3);
  }
}

TEST_CASE("one paragraph per line (no blank lines) is not joined") {
  const std::string text = para1 + "\n" + para2 + "\n" + para3 + "\n";
  const Layout layout = make_units(text);
  CHECK(layout.wrap_width == 0);
  CHECK_FALSE(layout.has_blank_lines);
  CHECK(layout.units.size() == 3);
}

TEST_CASE("short lines of different kinds in one block are not joined") {
  const std::string text =
      "Title\n\nThe standfirst line of this article is rather long and says a lot about it\n"
      "NATO drills in Poland AP Photo/Czarek Sokolowski\nNATO drills in Poland\n"
      "© AP Photo/Czarek Sokolowski\n\nMOSCOW, June 6. /TASS/. Text.\n";
  const Layout layout = make_units(text);
  CHECK(layout.wrap_width == 0);
  CHECK(layout.units.size() == 6);
  CHECK_FALSE(layout.units[1].blank_after);
  CHECK_FALSE(layout.units[2].blank_before);
}

TEST_CASE("in wrapped text, list items and READ MORE lines stay on their own") {
  std::string text = wrap({para1, para2}, 70);
  text += "- First related headline\n- Second related headline\nREAD MORE: A headline\n\n";
  text += wrap({para3}, 70);
  const Layout layout = make_units(text);
  REQUIRE(layout.wrap_width > 0);
  REQUIRE(layout.units.size() == 6);
  CHECK(layout.units[2].text == "- First related headline");
  CHECK(layout.units[3].text == "- Second related headline");
  CHECK(layout.units[4].text == "READ MORE: A headline");
}

TEST_CASE("is_wrapped_line: the next word would not have fitted") {
  const Line full{"0123456789 0123456789 0123456789 0123456789 012345678", 1, 53};
  CHECK(is_wrapped_line(full, "word and more", 60));
  const Line short_line{"Short.", 1, 6};
  CHECK_FALSE(is_wrapped_line(short_line, "Next", 60));
  CHECK_FALSE(is_wrapped_line(full, "- item", 60));
}

TEST_CASE("indented wire copy without blank lines: each indented line starts a paragraph") {
  const std::string text =
      "Firefighters get a raise\n"
      "    WASHINGTON (AP) \u2014 The Senate voted 71-27 on Wednesday to make\n"
      "permanent a pay raise for federal wildland firefighters, moving to head\n"
      "off a cut that crews have warned about.\n"
      "    The bipartisan measure now goes to the House, where leaders of both\n"
      "parties have signaled support.\n"
      "    The bill would:\n"
      "    \u2014 Make permanent the raise.\n"
      "    Hale said the pay gap had made it hard for federal agencies to\n"
      "compete with state and local fire departments.\n";
  const Layout layout = make_units(text);
  REQUIRE(layout.units.size() == 6);
  CHECK(layout.units[1].lines == docconv::SourceLines{2, 4});
  CHECK(layout.units[2].lines == docconv::SourceLines{5, 6});
  CHECK(layout.units[3].text == "The bill would:");
  CHECK(layout.units[5].text.ends_with("compete with state and local fire departments."));
}

TEST_CASE("a line that stops mid-sentence goes on in the next, lower-case line") {
  const Layout layout = make_units(
      "La ministre s'est montrée plus prudente, estimant dans l'hémicycle\n"
      "que le plafonnement ne construit pas de logements.\n"
      "Elle prévoit aussi une amende pour les bailleurs qui ne respectent pas:\n"
      "l'interdiction de louer un logement de moins de 9 mètres carrés,\n"
      "la création d'un observatoire des loyers étudiants.\n"
      "Une chapô sans point final qui présente bien l'article du jour\n"
      "di Giulia Bonfanti e Paolo Ferri\n");
  REQUIRE(layout.units.size() == 6);
  CHECK(layout.units[0].lines == docconv::SourceLines{1, 2});
  // After a colon or a comma: items of a list, not one sentence; a byline is no continuation.
  CHECK(layout.units[2].text.starts_with("l'interdiction"));
  CHECK(layout.units[3].text.starts_with("la création"));
  CHECK(layout.units[5].text == "di Giulia Bonfanti e Paolo Ferri");
}
