#include "source_inputs.hpp"

#include "news_corpus.hpp"

namespace docconv::tei::test {

std::vector<SourceInput> marker_inputs() {
  return {
      {"markers.txt", R"(All news

Lavrov says the Baltic region faces no threats at all

Russia's top diplomat comments on NATO activity in the Baltic states and beyond

NATO drills in Poland | AP Photo/Czarek Sokolowski

NATO drills in Poland

MOSCOW, June 6. /TASS/. There are no threats in the Baltic region that would justify its militarization, Russian Foreign Minister Sergey Lavrov said on Monday.

"We are convinced that there are no threats," the minister said at a news conference in Moscow after the talks.

Read more : Putin believes NATO expansion policy is short-sighted

- Finland
- Sweden
- the Baltic states

* first point
* second point

• one more bullet
• and another

> We do not hide our negative attitude to the expansion of the alliance & its <drills>.
> Here Russia's sovereign rights come into force, the minister said.

Soldiers of the multinational battalion at a training ground
© AP Photo/Mindaugas Kulbis

The minister added that Moscow would respond to any deployment of forces near its borders.

(c) Reuters

© Sputnik / Stringer / Go to the mediabankNATO's multinational battalion in Poland. (File)

The talks will continue next month in Minsk, the ministry said in a statement on Monday.

Share this article
Newsfeed
)"},
      {"crlf-cyrillic.txt",
       "Russian Foreign Minister Sergey Lavrov has said that he will discuss with his "
       "Belarussian\r\n"
       "counterpart Vladimir Makey the coordinated action of the two countries in the\r\n"
       "face of NATO activity near their borders.\r\n"
       "\r\n"
       "\u2022\u00a0Putin points to NATO\u2019s non-cooperation\r\n"
       "\u2022\u00a0MP rips Montenegrin top envoy\r\n"
       "\r\n"
       "READ MORE:Lavrov and Makey to meet in Minsk\r\n"
       "\r\n"
       "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041c\u0438\u043d\u0441\u043a \u2014 "
       "\u0441\u043e\u044e\u0437\u043d\u0438\u043a\u0438, said the minister in his statement at "
       "the talks.\r\n"
       "\r\n"
       "Photo: Sputnik / Ilya Pitalev\r\n"
       "\r\n"
       "The ministers met in Minsk | EPA/Tatyana Zenkovich\r\n"
       "\r\n"
       "The ministers met in Minsk EPA/Tatyana Zenkovich\r\n"
       "\r\n"
       "> \u201cThis sharply narrows variants for cooperation,\u201d he said.\r\n"
       "\r\n"
       "Comments\r\n"},
      {"derived-title.txt",
       R"(MOSCOW, June 5. /TASS/. Russian Foreign Minister Sergey Lavrov has said that he
will discuss with his Belarussian counterpart Vladimir Makey coordinated action
of the two countries in the face of NATO activity near their borders, the
ministry said on Monday in a statement published on its website.
The ministers are due to meet in Minsk later this month to sign a plan of
consultations for the next two years, the statement said on Monday evening.

(C) TASS
- Putin points to NATO's non-cooperation
- MP rips Montenegrin top envoy's 'display' for NATO
Comments
)"},
  };
}

std::vector<SourceInput> generated_inputs(std::size_t count) {
  constexpr std::uint64_t seed = 20261123;  // fixed: the same articles on every run
  std::vector<SourceInput> inputs;
  inputs.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    inputs.push_back(
        {"generated-" + std::to_string(i) + ".txt", docconv::test::generate_article(seed, i)});
  return inputs;
}

}  // namespace docconv::tei::test
