#include "news_corpus.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace docconv::test {
namespace {

// splitmix64: tiny, and unlike the standard distributions it gives the same
// numbers with every compiler and library, so the corpus is the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  std::size_t between(std::size_t low, std::size_t high) { return low + below(high - low + 1); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <std::size_t N>
  std::string_view pick(const std::array<std::string_view, N>& words) {
    return words[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 16> people{
    "Sergey Lavrov", "Andrey Kelin",    "Maria Zakharova",      "Dmitry Peskov",
    "Timo Soini",    "Vladimir Makei",  "Jens Stoltenberg",     "Antonio Guterres",
    "Angela Merkel", "Emmanuel Macron", "Xi Jinping",           "Recep Tayyip Erdogan",
    "Mike Pompeo",   "Boris Johnson",   "Ursula von der Leyen", "Volodymyr Zelensky"};
constexpr std::array<std::string_view, 14> subjects{
    "The minister", "The senior diplomat", "The official",       "The spokeswoman", "The alliance",
    "Moscow",       "Washington",          "The government",     "The delegation",  "The committee",
    "Brussels",     "The ministry",        "The prime minister", "The envoy"};
constexpr std::array<std::string_view, 14> verbs{
    "said",           "noted", "stressed",  "recalled",  "pointed out", "warned",   "explained",
    "told reporters", "added", "confirmed", "announced", "argued",      "insisted", "suggested"};
constexpr std::array<std::string_view, 24> nouns{
    "security",         "cooperation",       "the summit",
    "the drills",       "the sanctions",     "the talks",
    "stability",        "the treaty",        "the border",
    "the region",       "the budget",        "the economy",
    "energy supplies",  "the pipeline",      "the elections",
    "the agreement",    "the mission",       "trade",
    "the negotiations", "the peace process", "the military buildup",
    "missile defense",  "the airspace",      "humanitarian aid"};
constexpr std::array<std::string_view, 18> predicates{
    "would take appropriate measures in response",
    "was monitoring the situation closely",
    "had become less tense in recent weeks",
    "did not contribute to stability",
    "had been discussed at length during the consultations",
    "remained the main topic on the agenda",
    "was a matter for the partners to decide",
    "should be addressed within the existing formats",
    "had caused enormous damage to mutual trust",
    "would be reviewed at the next meeting",
    "could not be solved without dialogue",
    "was unprecedented since the end of the Cold War",
    "had been confirmed in official documents",
    "was expected to grow by two percent next year",
    "would be delivered in 2019 as planned",
    "deserved a calm and professional assessment",
    "was likely to stay on the table for months",
    "had not made anyone more secure"};
constexpr std::array<std::string_view, 18> places{"Europe",  "the Balkans", "the Baltic region",
                                                  "Ukraine", "Syria",       "the Arctic",
                                                  "Belarus", "Finland",     "Poland",
                                                  "Serbia",  "Turkey",      "the Black Sea",
                                                  "Asia",    "Africa",      "the Middle East",
                                                  "Sweden",  "Norway",      "Kosovo"};
constexpr std::array<std::string_view, 12> months{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 12> cities{
    "MOSCOW", "LONDON", "WASHINGTON",     "PARIS",          "BEIJING",  "KYIV",
    "BERLIN", "TOKYO",  "ST. PETERSBURG", "RIO DE JANEIRO", "BRUSSELS", "ANKARA"};
constexpr std::array<std::string_view, 12> headline_words{
    "Talks",  "Sanctions", "Summit",  "Drills",   "Pipeline", "Border",
    "Treaty", "Elections", "Economy", "Security", "Trade",    "Energy"};
constexpr std::array<std::string_view, 8> photographers{
    "Stringer",        "Alexei Druzhinin", "Czarek Sokolowski", "Evan Vucci",
    "Sergei Ilnitsky", "Yuri Kadobnov",    "Olivier Matthys",   "Mikhail Klimentyev"};
constexpr std::array<std::string_view, 6> chrome_tail{
    "Newsfeed", "0", "To participate in the discussion", "log in or register", "loader", "Chats"};

std::string capitalise(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// "The minister" in mid-sentence is "the minister"; names keep their capital.
std::string mid_sentence(std::string_view subject) {
  std::string out(subject);
  if (out.rfind("The ", 0) == 0) out[0] = 't';
  return out;
}

std::string sentence(Random& random) {
  switch (random.below(4)) {
    case 0:
      return std::string(random.pick(subjects)) + " " + std::string(random.pick(verbs)) + " that " +
             std::string(random.pick(nouns)) + " in " + std::string(random.pick(places)) + " " +
             std::string(random.pick(predicates)) + ".";
    case 1:
      return "\"" + capitalise(random.pick(nouns)) + " " + std::string(random.pick(predicates)) +
             ", and " + std::string(random.pick(nouns)) + " " +
             std::string(random.pick(predicates)) + ",\" " + std::string(random.pick(people)) +
             " " + std::string(random.pick(verbs)) + ".";
    case 2:
      return "According to " + std::string(random.pick(people)) + ", " +
             std::string(random.pick(nouns)) + " " + std::string(random.pick(predicates)) + ".";
    default:
      return capitalise(random.pick(nouns)) + " in " + std::string(random.pick(places)) + " " +
             std::string(random.pick(predicates)) + ", " + mid_sentence(random.pick(subjects)) +
             " " + std::string(random.pick(verbs)) + ".";
  }
}

std::string paragraph(Random& random) {
  std::string text = sentence(random);
  for (std::size_t n = random.between(1, 3); n > 0; --n) text += " " + sentence(random);
  return text;
}

std::string headline(Random& random) {
  return std::string(random.pick(people)) + " " + std::string(random.pick(verbs)) + " " +
         std::string(random.pick(nouns)) + " in " + std::string(random.pick(places)) +
         (random.chance(50) ? " " + std::string(random.pick(predicates)) : std::string());
}

std::string subheading(Random& random) {
  return std::string(random.pick(headline_words)) + " " +
         (random.chance(50) ? "and " + std::string(random.pick(headline_words)) + " " : "") +
         "in " + capitalise(random.pick(places));
}

std::string date(Random& random, bool day_first) {
  const std::string day = std::to_string(random.between(1, 28));
  const std::string month(random.pick(months));
  return day_first ? day + " " + month : month + " " + day;
}

// The datelines the reader knows, one agency style each.
std::string dateline(Random& random) {
  const std::string city(random.pick(cities));
  switch (random.below(6)) {
    case 0:
      return city + ", " + date(random, false) + ". /TASS/. ";
    case 1:
      return city + " (Sputnik) \u2014 ";
    case 2:
      return city + " (Reuters) - ";
    case 3:
      return city + " (AP) \u2014 ";
    case 4:
      return city + ", " + date(random, false) + " (AFP) - ";
    default:
      return city + ", " + date(random, true) + " (Xinhua) -- ";
  }
}

// Photo captions and credits in the forms the fixtures show.
std::vector<std::string> figure(Random& random) {
  const std::string caption =
      std::string(random.pick(people)) + " at a meeting in " + std::string(random.pick(places));
  const std::string photographer(random.pick(photographers));
  switch (random.below(3)) {
    case 0:
      return {caption + " | Youtube snapshot"};
    case 1:
      return {caption + " AP Photo/" + photographer, caption, "\u00a9 AP Photo/" + photographer};
    default:
      return {"\u00a9 Sputnik / " + photographer + " / Go to the mediabank" + caption + ". (File)",
              caption + ". (File) - Sputnik International", "Subscribe"};
  }
}

class ArticleText {
 public:
  explicit ArticleText(bool blank_lines) : separator_(blank_lines ? "\n\n" : "\n") {}
  void unit(std::string_view text) {
    if (!text_.empty()) text_ += separator_;
    text_ += text;
  }
  void lines(const std::vector<std::string>& lines) {
    std::string joined;
    for (const auto& line : lines) joined += (joined.empty() ? "" : "\n") + line;
    unit(joined);
  }
  std::string done() { return text_ + "\n"; }

 private:
  std::string separator_;
  std::string text_;
};

}  // namespace

std::string generate_article(std::uint64_t seed, std::uint64_t index) {
  Random random(seed * 0x100000001B3ULL + index);
  ArticleText text(random.chance(85));
  if (random.chance(30)) text.unit("All news");
  text.unit(capitalise(headline(random)));
  if (random.chance(50))  // a standfirst: a summary, without a closing period
    text.unit(capitalise(headline(random)) + ", especially in " + std::string(random.pick(places)));
  if (random.chance(40)) text.lines(figure(random));
  text.unit(dateline(random) + paragraph(random));
  const std::size_t paragraphs = random.between(2, 9);
  for (std::size_t n = 0; n < paragraphs; ++n) {
    if (n > 0 && random.chance(12)) text.unit(subheading(random));
    text.unit(paragraph(random));
    if (random.chance(10)) text.unit("READ MORE: " + capitalise(headline(random)));
  }
  if (random.chance(20)) {
    std::vector<std::string> related;
    for (std::size_t n = random.between(3, 5); n > 0; --n)
      related.push_back("- " + capitalise(headline(random)));
    text.lines(related);
    text.unit(paragraph(random));
  }
  if (random.chance(30)) text.lines({chrome_tail.begin(), chrome_tail.end()});
  return text.done();
}

std::uint64_t write_corpus(const std::filesystem::path& dir, std::uint64_t count,
                           std::uint64_t seed) {
  std::filesystem::create_directories(dir);
  std::uint64_t bytes = 0;
  for (std::uint64_t index = 0; index < count; ++index) {
    std::array<char, 32> name{};
    std::snprintf(name.data(), name.size(), "%06llu.txt", static_cast<unsigned long long>(index));
    const std::string article = generate_article(seed, index);
    std::ofstream out(dir / name.data(), std::ios::binary | std::ios::trunc);
    out << article;
    if (!out) throw std::runtime_error("cannot write " + (dir / name.data()).string());
    bytes += article.size();
  }
  return bytes;
}

}  // namespace docconv::test
