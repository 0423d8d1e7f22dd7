#include "markdown_writer.hpp"

#include "inline_markdown.hpp"
#include "yaml.hpp"

#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ostream>

namespace docconv::markdown {

Options Options::parse(const OptionValues& values) {
  Options options;
  const std::string wrap = option_or(values, "wrap", "0");
  const auto [end, error] = std::from_chars(wrap.data(), wrap.data() + wrap.size(), options.wrap);
  if (wrap.empty() || error != std::errc() || end != wrap.data() + wrap.size())
    throw Error(fmt::format("--wrap expects a number of characters, got \"{}\"", wrap));
  options.keep_removed = option_or(values, "keep-removed", "false") == "true";
  return options;
}

namespace {

Inlines one_run(InlineKind kind, std::string text, std::string target = {}) {
  return {Inline{kind, std::move(text), std::move(target)}};
}

// An item of only '-' (or '*') after a bullet of the same character would
// make the whole line a thematic break: "- --". Its first character, a
// punctuation character, is escaped then.
std::string bullet_content(std::string line, char marker) {
  if (line.find_first_not_of(std::string(1, marker) + " \t") == std::string::npos)
    line.insert(0, 1, '\\');
  return line;
}

// Which kind of block was written last: two lists of the same kind with the
// same marker, separated by a blank line only, would be read as one list.
enum class LastBlock { none, other, bullet_list, ordered_list, read_more };

class BodyRenderer {
 public:
  BodyRenderer(const Options& options, const Phrases& phrases)
      : options_(options), phrases_(phrases) {}

  void block(const Block& block) { visit_block(block.content, *this); }
  void paragraph(const Inlines& inlines) {
    const std::string line = render_inlines(inlines, LineKind::paragraph);
    if (line.empty()) return;
    start_block(LastBlock::other);
    add_lines(line, "", "");
  }
  std::string take() { return std::move(out_); }

  // One case per block kind, for visit_block().
  void operator()(const Heading& heading) {
    const std::string content = render_inlines(heading.content, LineKind::heading);
    start_block(LastBlock::other);
    out_ += std::string(static_cast<std::size_t>(std::clamp(heading.level, 2, 6)), '#');
    if (!content.empty()) out_ += ' ' + content;
    out_ += '\n';
  }

  void operator()(const Paragraph& paragraph_block) { paragraph(paragraph_block.content); }

  void operator()(const BlockQuote& quote) {
    std::vector<std::string> lines;
    for (const auto& inlines : quote.paragraphs) {
      std::string line = render_inlines(inlines, LineKind::paragraph);
      if (!line.empty()) lines.push_back(std::move(line));
    }
    if (lines.empty()) return;
    start_block(LastBlock::other);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i > 0) out_ += ">\n";
      add_lines(lines[i], "> ", "> ");
    }
  }

  void operator()(const List& list) {
    std::vector<std::string> items;
    for (const auto& inlines : list.items) {
      std::string line = render_inlines(inlines, LineKind::paragraph);
      if (!line.empty()) items.push_back(std::move(line));
    }
    if (items.empty()) return;
    const LastBlock kind = list.ordered ? LastBlock::ordered_list : LastBlock::bullet_list;
    const bool after_bullets = last_ == LastBlock::bullet_list || last_ == LastBlock::read_more;
    const char marker = list.ordered ? (last_ == kind && last_marker_ == '.' ? ')' : '.')
                                     : (after_bullets && last_marker_ == '-' ? '*' : '-');
    // CommonMark starts a new list at another marker; Pandoc's Markdown does
    // not, and reads an HTML comment between them as its writer writes it.
    if (list.ordered ? last_ == kind : after_bullets) {
      start_block(LastBlock::other);
      out_ += "<!-- -->\n";
    }
    start_block(kind);
    last_marker_ = marker;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (list.ordered) {
        const std::string prefix = fmt::format("{}{} ", i + 1, marker);
        add_lines(items[i], prefix, std::string(prefix.size(), ' '));
      } else {
        add_lines(bullet_content(items[i], marker), fmt::format("{} ", marker), "  ");
      }
    }
  }

  void operator()(const Figure& figure) {
    const std::string caption(trim(plain_text(figure.caption)));
    const std::string credit(trim(figure.credit));
    Inlines line;
    if (!caption.empty()) line.push_back(Inline{InlineKind::emphasis, caption, {}});
    // The source's credit mark ("|", "©") stands between them, else a dash.
    const std::string mark(trim(figure.credit_mark));
    const std::string before_credit = !mark.empty()     ? (caption.empty() ? "" : " ") + mark + " "
                                      : caption.empty() ? ""
                                                        : " — ";
    if (!credit.empty()) line.push_back(Inline{InlineKind::text, before_credit + credit, {}});
    paragraph(line);
  }

  void operator()(const RelatedLink& related) {
    const std::string text = plain_text(related.text);
    Inlines item;
    const std::string target(trim(related.target));
    if (!target.empty())
      item = one_run(InlineKind::link, text.empty() ? target : text, target);
    else
      item = one_run(InlineKind::text, text);
    const std::string line = render_inlines(item, LineKind::paragraph);
    if (line.empty()) return;
    if (last_ != LastBlock::read_more) {
      paragraph(one_run(InlineKind::strong, phrases_.read_more_label()));
      start_block(LastBlock::read_more);
      last_marker_ = '-';
    }
    add_lines(bullet_content(line, '-'), "- ", "  ");
  }

  void operator()(const Removed& removed) {
    if (!options_.keep_removed) return;  // and the block before stays "last"
    // An HTML block that starts with "<!--" ends at the first "-->".
    const auto defuse = [](std::string text) {
      // Line endings as CommonMark normalises them.
      for (auto at = text.find('\r'); at != std::string::npos; at = text.find('\r', at))
        text.replace(at, at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1, "\n");
      // and Pandoc's Markdown reads no comment holding "--" at all: "- -".
      for (auto at = text.find("--"); at != std::string::npos; at = text.find("--", at))
        text.replace(at, 2, "- -");
      return text;
    };
    start_block(LastBlock::other);
    out_ += "<!-- removed";
    if (!removed.reason.empty()) out_ += " (" + defuse(xml_safe(removed.reason)) + ")";
    out_ += ": " + defuse(xml_safe(removed.text)) + " -->\n";
  }

 private:
  // A blank line before every block but the first; read-more items follow
  // each other without one (a tight list).
  void start_block(LastBlock kind) {
    const bool continues_list = kind == LastBlock::read_more && last_ == LastBlock::read_more;
    if (!out_.empty() && !continues_list) out_ += '\n';
    last_ = kind;
  }

  void add_lines(const std::string& line, std::string_view first_prefix,
                 std::string_view next_prefix) {
    if (options_.wrap == 0) {  // the default: one line, appended without copies
      append_line(first_prefix, line);
      return;
    }
    const std::vector<std::string> lines = wrap_line(
        line,
        std::max<std::size_t>(1, options_.wrap - std::min(options_.wrap, next_prefix.size())));
    for (std::size_t i = 0; i < lines.size(); ++i)
      append_line(i == 0 ? first_prefix : next_prefix, lines[i]);
  }

  void append_line(std::string_view prefix, std::string_view line) {
    out_ += prefix;
    out_ += line;
    out_ += '\n';
  }

  const Options& options_;
  const Phrases& phrases_;  // the article's language
  std::string out_;
  LastBlock last_ = LastBlock::none;
  char last_marker_ = 0;
};

// Metadata values are Markdown to Pandoc: they are escaped like body text.
std::string markdown_value(std::string_view text) {
  return render_text(text, LineKind::paragraph);
}

std::vector<std::string> markdown_values(const std::vector<std::string>& texts) {
  std::vector<std::string> values;
  for (const auto& text : texts) values.push_back(markdown_value(text));
  return values;
}

}  // namespace

std::string render_body(const std::vector<Block>& blocks, const Options& options,
                        const Phrases& phrases) {
  BodyRenderer renderer(options, phrases);
  for (const auto& block : blocks) renderer.block(block);
  return renderer.take();
}

std::string metadata_line(const Metadata& metadata) {
  const Phrases& phrases = Phrases::of(metadata.language);
  std::string dateline = join({metadata.dateline_place, phrases.date(metadata.date)}, ", ");
  if (!metadata.agency.empty())
    dateline =
        dateline.empty() ? metadata.agency : fmt::format("{} ({})", dateline, metadata.agency);
  const std::string byline = metadata.authors.empty() ? ""
                                                      : phrases.byline(join(metadata.authors, ", "),
                                                                       metadata.authors.size());
  return join({byline, dateline}, " · ");
}

std::string article_front_matter(const Metadata& metadata) {
  YamlMap dateline;
  dateline.add("place", markdown_value(metadata.dateline_place))
      .add("date", markdown_value(Phrases::of(metadata.language).date(metadata.date)))
      .add("agency", markdown_value(metadata.agency));
  YamlMap map;
  map.add("title", markdown_value(metadata.title))
      .add("subtitle", markdown_value(metadata.standfirst))
      .add("author", markdown_values(metadata.authors))
      // Static-site generators take "date" for a full date: without a year
      // ("--06-05") the dateline's date stays in dateline.date alone.
      .add("date", markdown_value(metadata.date.year != 0 ? iso_date(metadata.date) : ""))
      .add("publisher", markdown_value(metadata.publisher))
      .add("lang", markdown_value(metadata.language))
      .add("dateline", std::move(dateline))
      .add("source", markdown_value(metadata.source));
  if (const auto& of = metadata.near_duplicate_of) {
    YamlMap original;
    original.add("article", std::to_string(of->article))
        .add("file", split_file_name(of->article, of->title, ".md"))
        .add("title", markdown_value(of->title))
        .add("source", markdown_value(of->source))
        .add("similarity", fmt::format("{:.2f}", of->similarity));
    map.add("near_duplicate_of", std::move(original));
  }
  return front_matter(map);
}

// "Repeats an earlier article (89% similar): TITLE", in the article's language.
std::string near_duplicate_note(const Metadata& metadata) {
  const auto& of = metadata.near_duplicate_of;
  if (!of) return {};
  const Phrases& phrases = Phrases::of(metadata.language);
  return phrases.near_duplicate(static_cast<int>(std::lround(of->similarity * 100))) + " " +
         (of->title.empty() ? phrases.article_number(of->article) : of->title);
}

std::string article_section(const Document& document, const Options& options) {
  const Metadata& metadata = document.metadata;
  const Phrases& phrases = Phrases::of(metadata.language);
  const std::string title = metadata.title.empty() ? phrases.untitled() : metadata.title;
  std::string out = "# " + render_text(title, LineKind::heading) + "\n";
  BodyRenderer header(options, phrases);
  header.paragraph(one_run(InlineKind::emphasis, metadata_line(metadata)));
  header.paragraph(one_run(InlineKind::strong, metadata.standfirst));
  header.paragraph(one_run(InlineKind::emphasis, near_duplicate_note(metadata)));
  for (const std::string& part : {header.take(), render_body(document.blocks, options, phrases)})
    if (!part.empty()) out += "\n" + part;
  return out;
}

void MarkdownWriter::begin(const WriteContext& ctx) {
  ctx_ = &ctx;
  options_ = Options::parse(ctx.options);
}

void MarkdownWriter::add(const Document& document) {
  ++count_;
  if (!ctx_->output.split()) {
    // One file: the front matter comes first, and each article is written as
    // it comes, so that memory does not grow with the number of articles.
    if (count_ == 1) ctx_->output.stream() << collection_front_matter(document.metadata.language);
    ctx_->output.stream() << '\n' << article_section(document, options_);
    return;
  }
  std::ostream& file =
      ctx_->output.open_part(split_file_name(count_, document.metadata.title, ".md"));
  file << article_front_matter(document.metadata);
  const std::string body =
      render_body(document.blocks, options_, Phrases::of(document.metadata.language));
  if (!body.empty()) file << '\n' << body;
}

// Written with the first article: what only the whole set could tell (how
// many articles, whether they share one language) is not in it. Its language
// is --lang's, else the first article's (Pandoc hyphenates and labels by it).
std::string MarkdownWriter::collection_front_matter(const std::string& first_language) const {
  const CollectionMetadata& collection = ctx_->collection;
  const std::string& language = collection.language.empty() ? first_language : collection.language;
  YamlMap map;
  map.add("title",
          markdown_value(collection.title.empty() ? Phrases::of(language).collection_title()
                                                  : collection.title))
      .add("author", markdown_values(collection.authors))
      .add("publisher", markdown_value(collection.publisher))
      .add("lang", markdown_value(language));
  return front_matter(map);
}

void MarkdownWriter::finish() {}

}  // namespace docconv::markdown
