#include "reader.hpp"

#include "dateline.hpp"
#include "decode.hpp"
#include "language.hpp"
#include "layout.hpp"
#include "rules.hpp"
#include "utf8.hpp"

#include <string>
#include <utility>

namespace docconv::news_text {
namespace {

// How many units after a figure may still repeat its caption or credit.
constexpr std::size_t duplicate_window = 3;

// Walks the units of one article front to back: leading chrome, title, the
// head (figures, chrome, standfirst), the body, and the trailing chrome.
class ArticleBuilder {
 public:
  ArticleBuilder(std::string_view text, Layout layout, const ReaderOptions& options)
      : layout_(std::move(layout)),
        units_(layout_.units),
        options_(options),
        script_(dominant_script(text)) {
    std::vector<std::string_view> texts;
    texts.reserve(units_.size());
    for (const Unit& unit : units_) texts.emplace_back(unit.text);
    end_ = options_.remove_chrome ? trailing_chrome_start(texts, script_) : units_.size();
    document_.metadata.language = detect_language(text, script_);
    if (layout_.wrap_width > 0)
      document_.metadata.extras["wrap_width"] = std::to_string(layout_.wrap_width);
  }

  // units_ refers into layout_: the builder stays where it was made.
  ArticleBuilder(const ArticleBuilder&) = delete;
  ArticleBuilder& operator=(const ArticleBuilder&) = delete;

  Document build() {
    read_leading_chrome();
    read_title();
    read_head();
    while (next_ < end_) read_body_unit();
    for (std::size_t i = end_; i < units_.size(); ++i)
      remove(units_[i], trailing_chrome_reason(units_[i].text, script_));
    if (document_.metadata.title.empty()) derive_title_from_lead();
    return std::move(document_);
  }

  /// True when the article has text of its own (not only removed chrome).
  static bool has_content(const Document& document) {
    if (!document.metadata.title.empty() || !document.metadata.standfirst.empty()) return true;
    for (const Block& block : document.blocks)
      if (!std::holds_alternative<Removed>(block.content)) return true;
    return false;
  }

 private:
  void add(BlockContent content, SourceLines lines) {
    document_.blocks.push_back(Block{std::move(content), lines});
  }

  void remove(const Unit& unit, std::string reason) {
    add(Removed{unit.text, std::move(reason)}, unit.lines);
  }

  void read_leading_chrome() {
    while (next_ < end_ && is_chrome(units_[next_].text)) remove(units_[next_++], "site chrome");
  }

  bool more_content_after(std::size_t index) const {
    for (std::size_t i = index + 1; i < end_; ++i)
      if (!is_chrome(units_[i].text)) return true;
    return false;
  }

  void read_title() {
    if (!options_.find_title || next_ >= end_) return;
    const Unit& unit = units_[next_];
    if (parse_dateline(unit.text) || !looks_like_title(unit.text) || !more_content_after(next_))
      return;
    document_.metadata.title = unit.text;
    document_.metadata.extras["title_line"] = std::to_string(unit.lines.first);
    ++next_;
  }

  // Between title and body: photos, chrome and the standfirst, in any order.
  void read_head() {
    while (next_ < end_) {
      const Unit& unit = units_[next_];
      if (is_chrome(unit.text)) {
        remove(unit, "site chrome");
        ++next_;
      } else if (read_figure(/*in_head=*/true)) {
      } else if (is_standfirst(next_)) {
        document_.metadata.standfirst = unit.text;
        document_.metadata.extras["standfirst_line"] = std::to_string(unit.lines.first);
        ++next_;
      } else {
        return;
      }
    }
  }

  bool is_standfirst(std::size_t index) const {
    if (document_.metadata.title.empty() || !document_.metadata.standfirst.empty()) return false;
    const std::string& text = units_[index].text;
    if (starts_own_unit(text) || parse_dateline(text) || index + 1 >= end_) return false;
    const bool before_dateline =
        parse_dateline(units_[index + 1].text) && text.size() <= 2400 && count_words(text) >= 3;
    return before_dateline || looks_like_summary(text);
  }

  // Reads a photo (or a repeat of the last one) at the current unit.
  bool read_figure(bool in_head) {
    const Unit& unit = units_[next_];
    if (figure_ && next_ - figure_unit_ <= duplicate_window) {
      const Duplicate duplicate = duplicate_of(unit.text, *figure_);
      if (duplicate != Duplicate::none) {
        remove(unit, duplicate == Duplicate::caption ? "duplicate caption" : "duplicate credit");
        ++next_;
        return true;
      }
    }
    if (auto figure = mediabank_caption(unit.text)) return add_figure(*figure, unit.lines, 1);
    if (auto figure = piped_caption(unit.text, !in_head)) return add_figure(*figure, unit.lines, 1);
    const std::string credit_nearby = credit_after(next_);
    if (in_head || !credit_nearby.empty())
      if (auto figure = glued_caption(unit.text, credit_nearby))
        return add_figure(*figure, unit.lines, 1);
    if (next_ + 1 < end_ && (in_head || !unit.blank_after) && !starts_own_unit(unit.text))
      if (auto credit = credit_line(units_[next_ + 1].text);
          credit && looks_like_caption(unit.text))
        return add_figure(
            PhotoCaption{unit.text, *credit, std::string(credit_mark(units_[next_ + 1].text)), ""},
            {unit.lines.first, units_[next_ + 1].lines.last}, 2);
    if (auto credit = credit_line(unit.text))
      return add_figure(PhotoCaption{"", *credit, std::string(credit_mark(unit.text)), ""},
                        unit.lines, 1);
    return false;
  }

  // The credit of a "©" line among the next few units, to find it glued to a caption.
  std::string credit_after(std::size_t index) const {
    for (std::size_t i = index + 1; i < end_ && i <= index + duplicate_window; ++i)
      if (auto credit = credit_line(units_[i].text)) return *credit;
    return {};
  }

  bool add_figure(const PhotoCaption& figure, SourceLines lines, std::size_t units_taken) {
    add(Figure{figure.caption.empty() ? Inlines{} : text_run(figure.caption), figure.credit, "",
               figure.credit_mark, figure.as_written},
        lines);
    figure_ = figure;
    figure_unit_ = next_ + units_taken - 1;
    next_ += units_taken;
    return true;
  }

  void read_body_unit() {
    const Unit& unit = units_[next_];
    if (is_chrome(unit.text)) {
      remove(unit, "site chrome");
    } else if (read_figure(/*in_head=*/false)) {
      return;  // read_figure advanced
    } else if (auto headline = related_headline(unit.text)) {
      add(RelatedLink{text_run(std::string(*headline)), "",
                      std::string(text_before(unit.text, *headline))},
          unit.lines);
    } else if (auto item = bullet_item(unit.text)) {
      add_list_item(*item, text_before(unit.text, *item), unit.lines);
    } else if (auto quoted = quoted_line(unit.text)) {
      add_quoted_line(*quoted, text_before(unit.text, *quoted), unit.lines);
    } else if (is_subheading(next_)) {
      add(Heading{2, text_run(unit.text)}, unit.lines);
    } else {
      add_paragraph(unit);
    }
    ++next_;
  }

  // The previous block, when it came from the unit just before this one and
  // its lines start with the same marker.
  template <class Content>
  Content* continued_block(SourceLines lines, std::string_view marker) {
    if (document_.blocks.empty()) return nullptr;
    Block& last = document_.blocks.back();
    auto* content = std::get_if<Content>(&last.content);
    if (content == nullptr || content->marker != marker || next_ == 0 ||
        last.lines.last != units_[next_ - 1].lines.last || lines.first <= last.lines.last)
      return nullptr;
    last.lines.last = lines.last;
    return content;
  }

  void add_list_item(std::string_view item, std::string_view marker, SourceLines lines) {
    if (List* list = continued_block<List>(lines, marker)) {
      list->items.push_back(text_run(std::string(item)));
      return;
    }
    add(List{false, {text_run(std::string(item))}, std::string(marker)}, lines);
  }

  void add_quoted_line(std::string_view text, std::string_view marker, SourceLines lines) {
    if (BlockQuote* quote = continued_block<BlockQuote>(lines, marker)) {
      quote->paragraphs.push_back(text_run(std::string(text)));
      return;
    }
    add(BlockQuote{{text_run(std::string(text))}, std::string(marker)}, lines);
  }

  // A subheading stands between paragraphs: text before it, prose after it,
  // and (when the dump separates paragraphs by blank lines) blank lines around it.
  bool is_subheading(std::size_t index) const {
    const Unit& unit = units_[index];
    if (!options_.find_subheadings || !looks_like_subheading(unit.text) || index + 1 >= end_ ||
        !has_content(document_))
      return false;
    if (layout_.has_blank_lines && !(unit.blank_before && unit.blank_after)) return false;
    const std::string& after = units_[index + 1].text;
    if (starts_own_unit(after) || is_chrome(after)) return false;
    return ends_with_closing_punctuation(after) || count_words(after) > 15;
  }

  void add_paragraph(const Unit& unit) {
    std::string_view text = unit.text;
    if (!first_paragraph_seen_) {
      first_paragraph_seen_ = true;
      if (auto dateline = parse_dateline(text)) {
        Metadata& metadata = document_.metadata;
        metadata.dateline_place = dateline->place;
        metadata.agency = dateline->agency;
        metadata.date.month = dateline->month;
        metadata.date.day = dateline->day;
        metadata.extras["dateline"] = std::string(trim(text.substr(0, dateline->length)));
        metadata.extras["dateline_line"] = std::to_string(unit.lines.first);
        if (!dateline->region.empty()) metadata.extras["dateline_region"] = dateline->region;
        text = trim(text.substr(dateline->length));
      }
    }
    if (!text.empty()) add(Paragraph{text_run(std::string(text))}, unit.lines);
  }

  void derive_title_from_lead() {
    for (const Block& block : document_.blocks) {
      std::string text;
      if (const auto* paragraph = std::get_if<Paragraph>(&block.content))
        text = plain_text(paragraph->content);
      else if (const auto* heading = std::get_if<Heading>(&block.content))
        text = plain_text(heading->content);
      if (text.empty()) continue;
      document_.metadata.title = derive_title(text);
      document_.metadata.title_derived = true;
      return;
    }
  }

  bool is_chrome(const std::string& text) const {
    return options_.remove_chrome && is_chrome_phrase(text);
  }

  Layout layout_;
  const std::vector<Unit>& units_;
  ReaderOptions options_;
  Script script_;
  std::size_t end_ = 0;   // first unit of the trailing chrome
  std::size_t next_ = 0;  // next unit to read
  Document document_;
  std::optional<PhotoCaption> figure_;  // the last photo, to recognise its repeats
  std::size_t figure_unit_ = 0;
  bool first_paragraph_seen_ = false;
};

}  // namespace

ReaderOptions reader_options(const OptionValues& values) {
  ReaderOptions options;
  const std::string layout = option_or(values, "text-layout", "auto");
  if (layout == "lines")
    options.layout = ReaderOptions::Layout::lines;
  else if (layout == "wrapped")
    options.layout = ReaderOptions::Layout::wrapped;
  else if (layout != "auto")
    throw Error("--text-layout must be auto, lines or wrapped, not '" + layout + "'");
  options.find_title = option_or(values, "no-title", "") != "true";
  options.find_subheadings = option_or(values, "no-subheadings", "") != "true";
  options.remove_chrome = option_or(values, "keep-chrome", "") != "true";
  return options;
}

std::optional<Document> build_article(std::string_view text, std::string& why,
                                      const ReaderOptions& options) {
  const Joining joining = options.layout == ReaderOptions::Layout::lines     ? Joining::never
                          : options.layout == ReaderOptions::Layout::wrapped ? Joining::always
                                                                             : Joining::automatic;
  Layout layout = make_units(text, joining);
  if (layout.units.empty()) {
    why = "empty input: no text, no article";
    return std::nullopt;
  }
  ArticleBuilder builder(text, std::move(layout), options);
  Document document = builder.build();
  if (!ArticleBuilder::has_content(document)) {
    why = "no article: the input holds only site chrome (" +
          std::to_string(document.blocks.size()) + " line(s) of it)";
    return std::nullopt;
  }
  return document;
}

std::vector<Document> NewsTextReader::read(const Input& input, const ReadContext& ctx) {
  const ReaderOptions options = reader_options(ctx.options);
  DecodedInput decoded = decode_input(input.bytes, option_or(ctx.options, "encoding", ""));
  if (decoded.binary) {
    ctx.diagnostics.warn(input.name, "not a text file (mostly control bytes); skipped");
    return {};
  }
  for (const std::string& warning : decoded.warnings) ctx.diagnostics.warn(input.name, warning);
  std::string why;
  std::optional<Document> document = build_article(decoded.text, why, options);
  if (!document) {
    ctx.diagnostics.warn(input.name, why);
    return {};
  }
  document->metadata.source = input.name;
  document->metadata.extras["encoding"] = decoded.encoding;
  std::vector<Document> documents;
  documents.push_back(std::move(*document));
  return documents;
}

}  // namespace docconv::news_text
