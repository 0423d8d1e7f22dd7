#include "pages.hpp"

#include "xhtml.hpp"

#include <fmt/format.h>
#include <docconv/phrases.hpp>
#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace docconv::epub {
namespace {

constexpr std::string_view page_stylesheet = "../style/book.css";

// True when collapse_whitespace(text) would be empty, without building it.
bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  });
}
bool is_blank(const Inlines& inlines) {
  return std::all_of(inlines.begin(), inlines.end(),
                     [](const Inline& run) { return is_blank(run.text); });
}

void add_paragraph(pugi::xml_node parent, const Inlines& content, std::string_view css_class = {}) {
  add_inlines(add_element(parent, "p", css_class), content);
}

/// Place, date and agency, each in its own element: "MOSCOW, June 6 · TASS".
void add_dateline(pugi::xml_node header, const Metadata& meta, const Phrases& phrases) {
  const std::string date = phrases.date(meta.date);
  if (is_blank(meta.dateline_place) && date.empty() && is_blank(meta.agency)) return;
  pugi::xml_node line = add_element(header, "p", "dateline");
  bool first = true;
  const auto separate = [&](std::string_view separator) {
    if (!first) add_text(line, separator);
    first = false;
  };
  if (!is_blank(meta.dateline_place)) {
    separate("");
    add_text_element(line, "span", collapse_whitespace(meta.dateline_place), "place");
  }
  if (!date.empty()) {
    separate(", ");
    pugi::xml_node time = add_text_element(line, "time", date, "date");
    // Only a year with a month ("2017-06") or a full date is a datetime value
    // every validator accepts; "--06-05" is not.
    if (meta.date.year != 0 && meta.date.month != 0)
      set_attribute(time, "datetime", iso_date(meta.date));
  }
  if (!is_blank(meta.agency)) {
    separate(" \u00b7 ");
    add_text_element(line, "span", collapse_whitespace(meta.agency), "agency");
  }
}

/// Under the title of an article that largely repeats an earlier one: which,
/// linked, and how similar (docconv --near-duplicates mark).
void add_near_duplicate_note(pugi::xml_node header, const NearDuplicateOf& of,
                             const Phrases& phrases) {
  pugi::xml_node note = add_element(header, "p", "near-duplicate");
  add_text(note, phrases.near_duplicate(static_cast<int>(std::lround(of.similarity * 100))) + " ");
  pugi::xml_node link = add_element(note, "a");
  set_attribute(link, "href", article_entry(of.article).id + ".xhtml");
  const std::string title = collapse_whitespace(of.title);
  add_text(link, title.empty() ? phrases.article_number(of.article) : title);
}

/// `derived`: the title was made up (by the reader, or here for an untitled
/// article). One the reader cut from the lead is not shown, only heard and
/// listed in the contents: shown, it repeated the paragraph under it.
void add_header(pugi::xml_node article, const Metadata& meta, const std::string& title,
                bool derived, const Phrases& phrases) {
  pugi::xml_node header = add_element(article, "header");
  add_text_element(header, "h1", title,
                   !derived             ? "title"
                   : meta.title_derived ? "title derived from-lead"
                                        : "title derived");
  if (!is_blank(meta.standfirst))
    add_text_element(header, "p", collapse_whitespace(meta.standfirst), "standfirst");
  add_dateline(header, meta, phrases);
  std::vector<std::string> authors;
  for (const auto& author : meta.authors) authors.push_back(collapse_whitespace(author));
  if (const std::string names = join(authors, ", "); !names.empty())
    add_text_element(header, "p", phrases.byline(names, authors.size()), "byline");
  if (const auto& of = meta.near_duplicate_of) add_near_duplicate_note(header, *of, phrases);
}

/// Renders the blocks of an article into `article`, grouping consecutive
/// related links into one "Read more" aside.
class BlockRenderer {
 public:
  BlockRenderer(pugi::xml_node article, ArticleEntry& entry, const Phrases& phrases)
      : article_(article), entry_(entry), phrases_(phrases) {}

  void operator()(const Heading& heading) {
    if (is_blank(heading.content)) return;
    // Under the title's h1, and never more than one level deeper than the
    // heading it belongs under: assistive technology navigates by the
    // outline, and a skipped level reads as a missing section (WCAG 1.3.1;
    // Ace's heading-order). The open headings' own levels decide nesting, so
    // that siblings (3, 3) stay siblings: h2, h2.
    const int wanted = std::clamp(heading.level, 2, 6);
    while (!open_levels_.empty() && open_levels_.back() >= wanted) open_levels_.pop_back();
    open_levels_.push_back(wanted);
    const int level = static_cast<int>(open_levels_.size()) + 1;
    const std::string name = fmt::format("h{}", level);
    pugi::xml_node element = add_element(article_, name.c_str());
    const std::string anchor = fmt::format("section-{}", entry_.sections.size() + 1);
    set_attribute(element, "id", anchor);
    add_inlines(element, heading.content);
    entry_.sections.push_back({anchor, collapse_whitespace(plain_text(heading.content))});
    related_ = {};
  }

  void operator()(const Paragraph& paragraph) {
    if (is_blank(paragraph.content)) return;
    add_paragraph(article_, paragraph.content);
    related_ = {};
  }

  void operator()(const BlockQuote& quote) {
    const bool empty = std::all_of(quote.paragraphs.begin(), quote.paragraphs.end(),
                                   [](const Inlines& p) { return is_blank(p); });
    if (empty) return;
    pugi::xml_node element = add_element(article_, "blockquote");
    for (const auto& paragraph : quote.paragraphs)
      if (!is_blank(paragraph)) add_paragraph(element, paragraph);
    related_ = {};
  }

  void operator()(const List& list) {
    const bool empty = std::all_of(list.items.begin(), list.items.end(),
                                   [](const Inlines& item) { return is_blank(item); });
    if (empty) return;
    pugi::xml_node element = add_element(article_, list.ordered ? "ol" : "ul");
    for (const auto& item : list.items)
      if (!is_blank(item)) add_inlines(add_element(element, "li"), item);
    related_ = {};
  }

  void operator()(const Figure& figure) {
    if (is_blank(figure.caption) && is_blank(figure.credit)) return;
    // The image itself is not in the model's bytes (plugins never fetch it):
    // the figure keeps what the article said about it.
    pugi::xml_node caption = add_element(add_element(article_, "figure"), "figcaption");
    if (!is_blank(figure.caption))
      add_inlines(add_element(caption, "span", "caption"), figure.caption);
    if (!is_blank(figure.credit)) {
      if (!is_blank(figure.caption)) add_text(caption, " ");
      // The source's mark ("|", "©") stays: it tells the credit from the caption.
      if (!is_blank(figure.credit_mark)) {
        add_text_element(caption, "span", collapse_whitespace(figure.credit_mark), "credit-mark");
        add_text(caption, " ");
      }
      add_text_element(caption, "span", collapse_whitespace(figure.credit), "credit");
    }
    related_ = {};
  }

  void operator()(const RelatedLink& link) {
    if (is_blank(link.text)) return;
    if (!related_) {
      pugi::xml_node aside = add_element(article_, "aside", "read-more");
      set_attribute(aside, "aria-label", phrases_.read_more());
      asides_.push_back(aside);
      add_text_element(aside, "p", phrases_.read_more(), "read-more-title");
      related_ = add_element(aside, "ul");
    }
    pugi::xml_node item = add_element(related_, "li");
    const std::string href = external_href(link.target);
    if (href.empty()) {
      add_inlines(item, link.text);
    } else {
      pugi::xml_node anchor = add_element(item, "a");
      set_attribute(anchor, "href", href);
      add_text(anchor, plain_text(link.text));
    }
  }

  void operator()(const Removed&) {}  // not part of the article: left out of reading formats

  // Landmarks of one page need names that tell them apart (WCAG 1.3.1; Ace's
  // landmark-unique): "Read more, 2 of 3" when an article has several.
  void finish() {
    if (asides_.size() < 2) return;
    for (std::size_t i = 0; i < asides_.size(); ++i)
      asides_[i]
          .attribute("aria-label")
          .set_value(phrases_.read_more_numbered(i + 1, asides_.size()).c_str());
  }

 private:
  pugi::xml_node article_;
  ArticleEntry& entry_;
  const Phrases& phrases_;  // the page's language
  pugi::xml_node related_;  // the open "Read more" list, if the last block was a related link
  std::vector<pugi::xml_node> asides_;
  std::vector<int> open_levels_;  // the model levels of the headings the next one may be under
};

}  // namespace

ArticleEntry article_entry(std::size_t number) {
  ArticleEntry entry;
  entry.number = number;
  entry.id = fmt::format("article-{:04}", number);
  entry.href = fmt::format("text/{}.xhtml", entry.id);
  return entry;
}

std::string article_page(const Document& document, std::string_view language, ArticleEntry& entry) {
  const Metadata& meta = document.metadata;
  const Phrases& phrases = Phrases::of(language);
  entry.title = collapse_whitespace(meta.title);
  const bool derived = meta.title_derived || entry.title.empty();
  if (entry.title.empty()) entry.title = phrases.article_number(entry.number);
  std::vector<std::string> details{collapse_whitespace(meta.agency), phrases.date(meta.date)};
  entry.details = join(details, ", ");

  XhtmlPage page(entry.title, language, page_stylesheet);
  pugi::xml_node article = add_element(page.body(), "article", "article");
  add_header(article, meta, entry.title, derived, phrases);
  BlockRenderer renderer(article, entry, phrases);
  for (const auto& block : document.blocks) visit_block(block.content, renderer);
  renderer.finish();
  return page.str();
}

std::string title_page(const BookMetadata& book) {
  XhtmlPage page(book.title, book.language, page_stylesheet);
  pugi::xml_node section = add_element(page.body(), "section", "title-page");
  set_attribute(section, "epub:type", "titlepage");
  add_text_element(section, "h1", collapse_whitespace(book.title), "book-title");
  if (!book.creators.empty())
    add_text_element(section, "p", join(book.creators, " \u00b7 "), "book-creators");
  std::string extent = Phrases::of(book.language).article_count(book.article_count);
  if (!book.date_range.empty()) extent += " \u00b7 " + book.date_range;
  add_text_element(section, "p", extent, "book-extent");
  if (!book.publishers.empty() && book.publishers != book.creators)
    add_text_element(section, "p", join(book.publishers, " \u00b7 "), "book-publisher");
  return page.str();
}

namespace {

void add_toc_entry(pugi::xml_node list, const ArticleEntry& article) {
  pugi::xml_node item = add_element(list, "li");
  pugi::xml_node link = add_element(item, "a");
  set_attribute(link, "href", article.href);
  add_text(link, article.title);
  if (!article.details.empty()) {
    // Readers that show the contents as plain text (Calibre's panel, NCX-only
    // readers) would run title and details together; the stylesheet hides
    // this separator where the details get a line of their own.
    add_text_element(link, "span", " \u2014 ", "toc-separator");
    add_text_element(link, "small", article.details, "toc-details");
  }
  if (article.sections.empty()) return;
  pugi::xml_node sections = add_element(item, "ol");
  for (const auto& section : article.sections) {
    pugi::xml_node section_link = add_element(add_element(sections, "li"), "a");
    set_attribute(section_link, "href", article.href + "#" + section.anchor);
    add_text(section_link, section.title);
  }
}

void add_landmark(pugi::xml_node list, std::string_view type, std::string_view href,
                  std::string_view text) {
  pugi::xml_node link = add_element(add_element(list, "li"), "a");
  set_attribute(link, "epub:type", type);
  set_attribute(link, "href", href);
  add_text(link, text);
}

}  // namespace

std::vector<std::string> nav_skeleton(const BookMetadata& book, bool has_cover) {
  const Phrases& phrases = Phrases::of(book.language);
  XhtmlPage page(phrases.contents(), book.language, stylesheet_href);
  pugi::xml_node toc = add_element(page.body(), "nav", "toc");
  set_attribute(toc, "epub:type", "toc");
  set_attribute(toc, "role",
                "doc-toc");  // the ARIA role of epub:type toc, for assistive technology
  set_attribute(toc, "id", "toc");
  add_text_element(toc, "h1", phrases.contents());
  add_items_marker(add_element(toc, "ol"));

  pugi::xml_node landmarks = add_element(page.body(), "nav", "landmarks");
  set_attribute(landmarks, "epub:type", "landmarks");
  set_attribute(landmarks, "id", "landmarks");
  set_attribute(landmarks, "hidden", "hidden");
  add_text_element(landmarks, "h2", phrases.landmarks());
  pugi::xml_node marks = add_element(landmarks, "ol");
  if (has_cover) add_landmark(marks, "cover", cover_page_href, phrases.cover());
  add_landmark(marks, "titlepage", title_page_href, phrases.title_page());
  add_landmark(marks, "toc", std::string(nav_href) + "#toc", phrases.contents());
  if (book.article_count > 0)
    add_landmark(marks, "bodymatter", article_entry(1).href, phrases.articles());
  return split_at_markers(page.str());
}

std::string nav_item(const ArticleEntry& article) {
  pugi::xml_document fragment;
  pugi::xml_node list = fragment.append_child("ol");
  add_toc_entry(list, article);
  // One line, not indented inside: white space between the link's parts
  // would become part of the entry in readers that take the contents as
  // plain text (Calibre's panel showed "Ministry —            Sputnik").
  constexpr unsigned depth = 4;  // html, body, nav, ol
  return std::string(depth * 2, ' ') + node_string_unindented(list.first_child()) + "\n";
}

std::string cover_page(const BookMetadata& book, std::string_view image_href) {
  XhtmlPage page(book.title, book.language, page_stylesheet);
  pugi::xml_node section = add_element(page.body(), "section", "cover");
  set_attribute(section, "epub:type", "cover");
  pugi::xml_node image = add_element(section, "img");
  set_attribute(image, "src", "../" + std::string(image_href));
  set_attribute(image, "alt",
                Phrases::of(book.language).cover_image(collapse_whitespace(book.title)));
  return page.str();
}

}  // namespace docconv::epub
