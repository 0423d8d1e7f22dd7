// Unit tests of script and language detection.
#include "language.hpp"

#include <catch2/catch.hpp>

using namespace docconv::news_text;

TEST_CASE("dominant script") {
  CHECK(dominant_script("Hello world") == Script::latin);
  CHECK(dominant_script("Привет, мир and a few") == Script::cyrillic);
  CHECK(dominant_script("12345 — !?") == Script::none);
  CHECK(dominant_script("Ελληνικά") == Script::greek);
}

TEST_CASE("language from script and function words") {
  CHECK(detect_language("The minister said that the talks were over and the sides left.") == "en");
  CHECK(detect_language("Министр заявил, что переговоры закончились.") == "ru");
  CHECK(detect_language("Міністр заявив, що переговори завершилися, і сторони поїхали.") == "uk");
  CHECK(detect_language("Der Minister sagte, dass die Gespräche nicht weitergehen und die "
                        "Seiten sich auf nichts einigen.") == "de");
  CHECK(detect_language("Le ministre a dit que les négociations sont terminées et que la "
                        "situation est claire pour les deux.") == "fr");
  CHECK(detect_language("Ο υπουργός είπε") == "el");
  CHECK(detect_language("外交部长说") == "zh");
  CHECK(detect_language("外務大臣は言った、ということです") == "ja");
  CHECK(detect_language("0 0 0 ---") == "");
}
