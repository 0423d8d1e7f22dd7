#include "news_corpus.hpp"

#include <algorithm>
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

namespace {

// ---- The near-duplicate corpus ----

class ZipfWords {
 public:
  static constexpr std::size_t vocabulary = 30000;
  ZipfWords() {
    double total = 0;
    for (std::size_t rank = 1; rank <= vocabulary; ++rank) {
      total += 1.0 / static_cast<double>(rank);
      cumulative_.push_back(total);
    }
    for (double& value : cumulative_) value /= total;
  }
  // A word of rank drawn by Zipf's law; frequent words are short.
  std::string word(Random& random) const {
    const double u = static_cast<double>(random.next() >> 11) / 9007199254740992.0;
    const std::size_t rank = static_cast<std::size_t>(
        std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin());
    static constexpr std::array<std::string_view, 20> syllables{
        "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po",
        "za", "li", "mo", "ta", "bu", "ge", "ar", "en", "is", "or"};
    std::string out;
    std::size_t rest = rank;
    do {
      out += syllables[rest % syllables.size()];
      rest /= syllables.size();
    } while (rest > 0);
    return out;
  }

 private:
  std::vector<double> cumulative_;
};

std::string zipf_sentence(Random& random, const ZipfWords& words) {
  std::string sentence;
  for (std::size_t n = random.between(10, 24); n > 0; --n) {
    if (!sentence.empty()) sentence += random.chance(8) ? ", " : " ";
    sentence += words.word(random);
  }
  return capitalise(sentence) + ".";
}

struct PlainArticle {
  std::string title;
  std::vector<std::vector<std::string>> paragraphs;  // of sentences
};

PlainArticle zipf_article(Random& random, const ZipfWords& words) {
  PlainArticle article;
  for (std::size_t n = random.between(5, 10); n > 0; --n)
    article.title += (article.title.empty() ? "" : " ") + words.word(random);
  article.title = capitalise(article.title);
  for (std::size_t p = random.between(5, 12); p > 0; --p) {
    std::vector<std::string> paragraph;
    for (std::size_t n = random.between(2, 4); n > 0; --n)
      paragraph.push_back(zipf_sentence(random, words));
    article.paragraphs.push_back(std::move(paragraph));
  }
  return article;
}

std::string dump_text(const PlainArticle& article, const std::vector<std::string>& head,
                      const std::vector<std::string>& tail) {
  std::string text;
  for (const auto& line : head) text += line + "\n";
  if (!head.empty()) text += "\n";
  text += article.title + "\n";
  for (const auto& paragraph : article.paragraphs) {
    std::string joined;
    for (const auto& sentence : paragraph) joined += (joined.empty() ? "" : " ") + sentence;
    text += "\n" + joined + "\n";
  }
  if (!tail.empty()) text += "\n";
  for (const auto& line : tail) text += line + "\n";
  return text;
}

enum class CopyKind { shortened, edited, other_chrome };

PlainArticle planted_copy(const PlainArticle& original, CopyKind kind, Random& random,
                          const ZipfWords& words) {
  PlainArticle copy = original;
  if (kind == CopyKind::shortened) {
    const std::size_t keep =
        std::max<std::size_t>(1, original.paragraphs.size() * random.between(60, 80) / 100);
    copy.paragraphs.resize(keep);
  } else if (kind == CopyKind::edited) {
    copy.title = zipf_article(random, words).title;
    for (int edit = 0; edit < 3; ++edit) {  // one word of a sentence replaced
      auto& paragraph = copy.paragraphs[random.below(copy.paragraphs.size())];
      auto& sentence = paragraph[random.below(paragraph.size())];
      const std::size_t space = sentence.find(' ', random.below(sentence.size()));
      if (space != std::string::npos) sentence.insert(space, " " + words.word(random));
    }
    copy.paragraphs[random.below(copy.paragraphs.size())].push_back(zipf_sentence(random, words));
  }
  return copy;
}

std::vector<std::string> site_chrome(Random& random, const ZipfWords& words, bool head) {
  const std::string site = capitalise(words.word(random)) + " " + capitalise(words.word(random));
  if (head) return {site, "Home | World | Politics | Business | Opinion", "Subscribe"};
  return {"Share this article", "Follow " + site + " on social media",
          "\u00a9 2026 " + site + ". All rights reserved."};
}

void write_dump(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

std::uint64_t write_near_duplicate_corpus(const std::filesystem::path& dir,
                                          const std::filesystem::path& truth, std::uint64_t count,
                                          std::uint64_t seed) {
  std::filesystem::create_directories(dir);
  const ZipfWords words;
  std::ofstream pairs(truth, std::ios::binary | std::ios::trunc);
  std::vector<std::uint64_t> originals;
  std::uint64_t planted = 0;
  static constexpr std::array<std::string_view, 3> kind_names{"shortened", "edited",
                                                              "other-chrome"};
  const auto name_of = [](std::uint64_t index) {
    std::array<char, 32> name{};
    std::snprintf(name.data(), name.size(), "%06llu.txt", static_cast<unsigned long long>(index));
    return std::string(name.data());
  };
  for (std::uint64_t index = 0; index < count; ++index) {
    // Planting decisions and edits draw from a stream of their own, so that
    // an original's text is the same whenever it is made again.
    Random random((seed + 0x5BD1E995ULL) * 0x9E3779B97F4A7C15ULL + index);
    if (!originals.empty() && random.chance(10)) {
      const std::uint64_t original = originals[random.below(originals.size())];
      Random original_random(seed * 0x100000001B3ULL + original);
      const PlainArticle source = zipf_article(original_random, words);
      const auto kind = static_cast<CopyKind>(planted % 3);
      const PlainArticle copy = planted_copy(source, kind, random, words);
      const bool chrome = kind == CopyKind::other_chrome;
      write_dump(
          dir / name_of(index),
          dump_text(copy, chrome ? site_chrome(random, words, true) : std::vector<std::string>{},
                    chrome ? site_chrome(random, words, false) : std::vector<std::string>{}));
      pairs << name_of(index) << '\t' << name_of(original) << '\t'
            << kind_names[static_cast<std::size_t>(kind)] << '\n';
      ++planted;
      continue;
    }
    Random content(seed * 0x100000001B3ULL + index);
    write_dump(dir / name_of(index), dump_text(zipf_article(content, words), {}, {}));
    originals.push_back(index);
  }
  if (!pairs) throw std::runtime_error("cannot write " + truth.string());
  return planted;
}

}  // namespace docconv::test
