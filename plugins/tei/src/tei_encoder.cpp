#include "tei_encoder.hpp"

#include "dateline_parts.hpp"
#include "text_script.hpp"
#include "xml_values.hpp"

#include <docconv/phrases.hpp>
#include <docconv/text.hpp>
#include <docconv/version.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <variant>

namespace docconv::tei {
namespace {

// ---- Small building blocks; every string passes xml_safe() on its way in ----

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(xml_safe(value).c_str());
}

void append_text(pugi::xml_node node, std::string_view text) {
  if (!text.empty()) node.append_child(pugi::node_pcdata).set_value(xml_safe(text).c_str());
}

pugi::xml_node append_element(pugi::xml_node parent, const char* name, std::string_view text) {
  pugi::xml_node element = parent.append_child(name);
  append_text(element, text);
  return element;
}

/// A marker of the source kept as written ("-", ">", "READ MORE:", "©"):
/// `label[@type]`, or nothing when the source had none.
pugi::xml_node append_label(pugi::xml_node parent, std::string_view marker, const char* type) {
  if (marker.empty()) return {};
  pugi::xml_node label = append_element(parent, "label", marker);
  set_attribute(label, "type", type);
  return label;
}

/// pugixml indents an element's children when one of them is an element
/// with no text before or after it, which would add white space inside mixed
/// content (<p><emph>..</emph><hi>..</hi></p>). An empty text node at both
/// ends and between adjacent elements keeps such an element on one line.
void keep_on_one_line(pugi::xml_node node) {
  bool previous_was_element = true;  // as if an element stood before the first child
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const bool is_element = child.type() == pugi::node_element;
    if (is_element && previous_was_element) node.insert_child_before(pugi::node_pcdata, child);
    previous_was_element = is_element;
  }
  if (previous_was_element && node.first_child()) node.append_child(pugi::node_pcdata);
}

void append_inlines(pugi::xml_node node, const Inlines& inlines) {
  for (const auto& run : inlines) {
    if (run.text.empty()) continue;  // an empty run has nothing to format
    switch (run.kind) {
      case InlineKind::text:
        append_text(node, run.text);
        break;
      case InlineKind::emphasis:
        append_element(node, "emph", run.text);
        break;
      case InlineKind::strong:
        set_attribute(append_element(node, "hi", run.text), "rend", "strong");
        break;
      case InlineKind::link: {
        pugi::xml_node ref = append_element(node, "ref", run.text);
        if (const std::string target = pointer(run.target); !target.empty())
          set_attribute(ref, "target", target);
        break;
      }
    }
  }
  keep_on_one_line(node);
}

pugi::xml_node append_inline_element(pugi::xml_node parent, const char* name,
                                     const Inlines& inlines) {
  pugi::xml_node element = parent.append_child(name);
  append_inlines(element, inlines);
  return element;
}

std::string line_range(const SourceLines& lines) {
  if (lines.first == 0) return {};
  if (lines.last <= lines.first) return std::to_string(lines.first);
  return fmt::format("{}-{}", lines.first, lines.last);
}

/// xml:id and n (source lines) of the element that encodes a block.
void identify(pugi::xml_node node, std::string_view id, const SourceLines& lines) {
  set_attribute(node, "xml:id", id);
  if (const std::string range = line_range(lines); !range.empty()) set_attribute(node, "n", range);
}

std::string article_language(const Metadata& metadata, const FileFacts& facts) {
  if (is_language_tag(facts.language)) return facts.language;
  if (is_language_tag(metadata.language)) return metadata.language;
  return "und";  // BCP 47 "undetermined"
}

/// @n of a metadata element: the first input line the reader found it on.
void set_line(pugi::xml_node node, const SourceLines& lines) {
  if (lines.first != 0) set_attribute(node, "n", std::to_string(lines.first));
}

// ---- teiHeader ----

/// xml:id of the `application` element: what docconv itself wrote into the
/// text points to it with @resp, its revisionDesc entries with @who. One per
/// file: in a teiCorpus it is in the corpus header, which the members share.
constexpr std::string_view application_id = "docconv";
const std::string application_pointer = fmt::format("#{}", application_id);

void append_application(pugi::xml_node encoding_desc) {
  pugi::xml_node application = encoding_desc.append_child("appInfo").append_child("application");
  set_attribute(application, "xml:id", application_id);
  set_attribute(application, "ident", "docconv");
  set_attribute(application, "version", version_string);
  append_element(application, "label", "docconv");
  append_element(application, "p",
                 "Converted by docconv, writer plugin tei (TEI P5), from the document model "
                 "the reader built from the source.");
}

void append_editorial_declaration(pugi::xml_node encoding_desc) {
  pugi::xml_node declaration = encoding_desc.append_child("editorialDecl");
  append_element(declaration.append_child("normalization"), "p",
                 "Text as the docconv reader normalised it: hard-wrapped lines joined into "
                 "paragraphs, the dateline taken out of the first paragraph and encoded as "
                 "dateline, photo captions and credits split apart, characters that XML 1.0 "
                 "does not allow replaced by U+FFFD. Markers are kept as written in label: "
                 "list bullets (type bullet), quote marks (quoteMark), READ MORE labels "
                 "(readMore) and the marks before or between caption and credit (creditMark). "
                 "A photo line that caption and credit were cut out of is kept as written in "
                 "figure/ab[@type='asWritten'].");
  append_element(declaration.append_child("segmentation"), "p",
                 "Every block of the source (paragraph, subheading, list, figure, related link, "
                 "removed text) is one element with an xml:id; its n attribute gives the lines "
                 "of the source it came from, as \"12\" or \"12-14\".");
  append_element(declaration, "p",
                 "Site chrome and duplicated captions that the reader took out of the article "
                 "are kept in back/div[@type='boilerplate'], each as surplus with the reason "
                 "in @reason.");
  append_element(declaration, "p",
                 "What docconv added and the source does not hold is marked: @type or "
                 "@subtype 'derived' (titles derived from the lead, caption and credit cut "
                 "out of a line kept as written), @resp pointing to the application (a "
                 "dateline composed from metadata, the heading of the removed text). Leaving these "
                 "out and ordering the rest by @n gives back the "
                 "source text.");
}

void append_publication_statement(pugi::xml_node file_desc, const FileFacts& facts) {
  pugi::xml_node statement = file_desc.append_child("publicationStmt");
  if (!facts.publisher.empty())
    append_element(statement, "publisher", facts.publisher);
  else
    append_element(statement, "authority", fmt::format("docconv {}", version_string));
  if (!facts.produced_on.empty()) {
    pugi::xml_node date = append_element(statement, "date", facts.produced_on);
    set_attribute(date, "type", "conversion");
    set_attribute(date, "when", facts.produced_on);
  }
  pugi::xml_node availability = statement.append_child("availability");
  if (facts.licence.empty() && facts.licence_url.empty()) {
    // Said, not left out: an archive without a licence statement reads as
    // one whose licence nobody checked (docs/tei.md).
    set_attribute(availability, "status", "unknown");
    append_element(availability, "p", "licence unknown");
    return;
  }
  pugi::xml_node licence = append_element(availability, "licence", facts.licence);
  if (const std::string target = pointer(facts.licence_url); !target.empty())
    set_attribute(licence, "target", target);
}

/// revisionDesc: the conversion, when and by what.
void append_revision(pugi::xml_node header, std::string_view what, const FileFacts& facts) {
  pugi::xml_node change =
      append_element(header.append_child("revisionDesc"), "change",
                     fmt::format("{} by docconv {}, writer tei.", what, version_string));
  if (!facts.produced_on.empty()) set_attribute(change, "when", facts.produced_on);
  set_attribute(change, "who", application_pointer);
}

void append_authors(pugi::xml_node parent, const std::vector<std::string>& authors) {
  for (const auto& author : authors) append_element(parent, "author", author);
}

const std::vector<std::string>& article_authors(const Metadata& metadata, const FileFacts& facts) {
  return metadata.authors.empty() ? facts.authors : metadata.authors;
}

void append_title_statement(pugi::xml_node file_desc, const Metadata& metadata,
                            const FileFacts& facts, const Phrases& phrases) {
  pugi::xml_node statement = file_desc.append_child("titleStmt");
  if (metadata.title.empty()) {
    set_attribute(append_element(statement, "title", phrases.untitled()), "type", "supplied");
  } else {
    pugi::xml_node title = append_element(statement, "title", metadata.title);
    set_attribute(title, "type", metadata.title_derived ? "derived" : "main");
  }
  append_authors(statement, article_authors(metadata, facts));
}

/// The extras that describe the source file, not the article: sourceDesc
/// holds them, with the file's name and checksum.
constexpr std::string_view encoding_key = "encoding";
bool describes_file(std::string_view key) {
  return key == source_bytes_key || key == encoding_key;
}

/// Where the TEI element of article `number` is, from another article's
/// header: the same file (a corpus, or a single article's own file), or the
/// file --split gave it.
std::string article_pointer(std::size_t number, std::string_view title, bool split) {
  const std::string id = "#" + article_id(number);
  return split ? split_file_name(number, title, ".tei.xml") + id : id;
}

pugi::xml_node append_similarity(pugi::xml_node parent, double similarity) {
  const std::string value = fmt::format("{:.2f}", similarity);
  pugi::xml_node measure = append_element(parent, "measure", value);
  set_attribute(measure, "type", "similarity");
  set_attribute(measure, "quantity", value);
  return measure;
}

/// The article this one largely repeats, with the similarity found: a note
/// for people (and the number for programs, in measure/@quantity).
void append_near_duplicate_note(pugi::xml_node notes, const NearDuplicateOf& of, bool split) {
  const std::string target = article_pointer(of.article, of.title, split);
  pugi::xml_node note = notes.append_child("note");
  set_attribute(note, "type", "nearDuplicate");
  set_attribute(note, "target", target);
  set_attribute(note, "resp", application_pointer);
  append_text(note, "Largely repeats an earlier article, ");
  set_attribute(append_element(note, "ref", of.title.empty() ? article_id(of.article) : of.title),
                "target", target);
  append_text(note, fmt::format(" ({}): similarity ", of.source));
  append_similarity(note, of.similarity);
  append_text(note,
              ", the estimated share of the shorter text's five-word sequences found in "
              "the other.");
}

/// Documents left out of the output as copies (--near-duplicates drop): in
/// the corpus header, or in the header of the article they repeat.
void append_left_out(pugi::xml_node notes, const std::vector<const DroppedDocument*>& left_out,
                     bool split) {
  if (left_out.empty()) return;
  pugi::xml_node note = notes.append_child("note");
  set_attribute(note, "type", "nearDuplicatesLeftOut");
  set_attribute(note, "resp", application_pointer);
  pugi::xml_node list = note.append_child("listBibl");
  append_element(list, "head", "Left out as near-duplicates of articles of this file");
  for (const DroppedDocument* dropped : left_out) {
    pugi::xml_node bibl = list.append_child("bibl");
    if (!dropped->title.empty())
      set_attribute(append_element(bibl, "title", dropped->title), "level", "a");
    set_attribute(append_element(bibl, "idno", dropped->source), "type", "file");
    pugi::xml_node related = bibl.append_child("relatedItem");
    set_attribute(related, "type", "nearDuplicateOf");
    set_attribute(related, "target",
                  article_pointer(dropped->of.article, dropped->of.title, split));
    pugi::xml_node note_of_similarity = append_element(bibl, "note", "similarity ");
    append_similarity(note_of_similarity, dropped->of.similarity);
    keep_on_one_line(note_of_similarity);
  }
}

void append_notes(pugi::xml_node file_desc, const Metadata& metadata,
                  const std::vector<const DroppedDocument*>& left_out, bool split) {
  const bool has_notes =
      std::any_of(metadata.extras.begin(), metadata.extras.end(),
                  [](const auto& extra) { return !describes_file(extra.first); });
  if (!metadata.title_derived && !has_notes && !metadata.near_duplicate_of && left_out.empty())
    return;
  pugi::xml_node notes = file_desc.append_child("notesStmt");
  if (metadata.title_derived)
    set_attribute(append_element(notes, "note",
                                 "The source has no title line; the reader derived the title "
                                 "from the opening of the article."),
                  "type", "derivedTitle");
  for (const auto& [key, value] : metadata.extras) {
    if (describes_file(key)) continue;  // in sourceDesc
    pugi::xml_node note = append_element(notes, "note", value);
    if (const std::string type = name_token(key); !type.empty()) set_attribute(note, "type", type);
  }
  if (metadata.near_duplicate_of)
    append_near_duplicate_note(notes, *metadata.near_duplicate_of, split);
  append_left_out(notes, left_out, split);
}

pugi::xml_node append_date(pugi::xml_node parent, const PartialDate& date, std::string_view text) {
  pugi::xml_node element = append_element(parent, "date", text);
  if (const std::string when = when_value(date); !when.empty())
    set_attribute(element, "when", when);
  return element;
}

pugi::xml_node append_date(pugi::xml_node parent, const PartialDate& date, const Phrases& phrases) {
  return append_date(parent, date, phrases.date(date));
}

/// sourceDesc: what is known of the original article and the file it came in.
void append_source_description(pugi::xml_node file_desc, const Metadata& metadata,
                               const Phrases& phrases, bool split) {
  pugi::xml_node bibl = file_desc.append_child("sourceDesc").append_child("bibl");
  set_attribute(bibl, "type", "article");
  if (!metadata.title.empty() && !metadata.title_derived)
    set_attribute(append_element(bibl, "title", metadata.title), "level", "a");
  append_authors(bibl, metadata.authors);
  if (!metadata.publisher.empty()) append_element(bibl, "publisher", metadata.publisher);
  if (!metadata.agency.empty())
    set_attribute(append_element(bibl, "orgName", metadata.agency), "role", "agency");
  if (!metadata.dateline_place.empty()) append_element(bibl, "pubPlace", metadata.dateline_place);
  if (!metadata.date.empty()) append_date(bibl, metadata.date, phrases);
  if (!metadata.source.empty())
    set_attribute(append_element(bibl, "idno", metadata.source), "type", "file");
  if (const auto size = metadata.extras.find(std::string(source_bytes_key));
      size != metadata.extras.end() && !size->second.empty() &&
      std::all_of(size->second.begin(), size->second.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    pugi::xml_node measure =
        append_element(bibl.append_child("extent"), "measure", size->second + " bytes");
    set_attribute(measure, "unit", "byte");
    set_attribute(measure, "quantity", size->second);
  }
  if (const auto encoding = metadata.extras.find(std::string(encoding_key));
      encoding != metadata.extras.end())
    set_attribute(append_element(bibl, "note", encoding->second), "type", "encoding");
  for (const auto& [key, value] : metadata.identifiers) {
    pugi::xml_node idno = append_element(bibl, "idno", value);
    if (const std::string type = name_token(key); !type.empty()) set_attribute(idno, "type", type);
  }
  if (const auto& of = metadata.near_duplicate_of) {
    pugi::xml_node related = bibl.append_child("relatedItem");
    set_attribute(related, "type", "nearDuplicateOf");
    set_attribute(related, "target", article_pointer(of->article, of->title, split));
  }
}

void append_profile(pugi::xml_node header, const Metadata& metadata, const std::string& language) {
  pugi::xml_node profile = header.append_child("profileDesc");
  if (!metadata.standfirst.empty())
    append_element(profile.append_child("abstract"), "p", metadata.standfirst);
  pugi::xml_node usage =
      append_element(profile.append_child("langUsage"), "language", language_name(language));
  set_attribute(usage, "ident", language);
}

void append_encoding_description(pugi::xml_node header) {
  pugi::xml_node encoding_desc = header.append_child("encodingDesc");
  append_application(encoding_desc);
  append_editorial_declaration(encoding_desc);
}

/// The header of one article. A member of a teiCorpus leaves encodingDesc to
/// the corpus header: the Guidelines let a teiCorpus header hold what all its
/// members share, and repeated it was a quarter of the file.
void append_article_header(pugi::xml_node tei, const Metadata& metadata, std::size_t number,
                           const std::string& language, const FileFacts& facts,
                           ArticlePlace place) {
  const Phrases& phrases = Phrases::of(language);
  pugi::xml_node header = tei.append_child("teiHeader");
  pugi::xml_node file_desc = header.append_child("fileDesc");
  append_title_statement(file_desc, metadata, facts, phrases);
  append_publication_statement(file_desc, facts);
  std::vector<const DroppedDocument*> left_out;
  if (place == ArticlePlace::own_file)
    for (const auto& dropped : facts.dropped)
      if (dropped.of.article == number) left_out.push_back(&dropped);
  append_notes(file_desc, metadata, left_out, facts.split);
  append_source_description(file_desc, metadata, phrases, facts.split);
  if (place == ArticlePlace::own_file) append_encoding_description(header);
  append_profile(header, metadata, language);
  append_revision(header,
                  metadata.source.empty() ? std::string("Converted")
                                          : fmt::format("Converted from {}", metadata.source),
                  facts);
}

// ---- text ----

/// Writes the blocks of one article into body and back, opening a nested
/// div at every subheading so that the divisions mirror the heading levels.
class BodyWriter {
 public:
  BodyWriter(pugi::xml_node text, std::string id, const Phrases& phrases)
      : text_(text), id_(std::move(id)), phrases_(phrases) {}

  /// The title as the page shows it goes to front/titlePage, the rest of the
  /// opening to the top of body. The title is not body/head: the TEI
  /// Consortium's stylesheets show a member's header title unless it has a
  /// title page, and with a head as well they showed every title twice.
  void front_matter(const Metadata& metadata) {
    if (!metadata.title.empty()) {
      pugi::xml_node part = append_element(
          text_.append_child("front").append_child("titlePage").append_child("docTitle"),
          "titlePart", metadata.title);
      set_attribute(part, "xml:id", id_ + "-title");
      set_attribute(part, "type", "main");
      if (metadata.title_derived) set_attribute(part, "subtype", "derived");
      set_line(part, metadata.in_source.title);
    }
    body_ = text_.append_child("body");
    if (!metadata.standfirst.empty()) {
      pugi::xml_node argument = body_.append_child("argument");
      set_attribute(argument, "xml:id", id_ + "-argument");
      set_line(argument, metadata.in_source.standfirst);
      append_element(argument, "p", metadata.standfirst);
    }
    dateline(metadata);
  }

  void block(const Block& block, std::size_t index) {
    number_ = std::to_string(index);
    lines_ = block.lines;
    visit_block(block.content, *this);
  }

  void finish() {
    if (!has_content_) body_.append_child("p");  // body may not be empty
  }

 private:
  struct OpenDiv {
    int level;
    pugi::xml_node div;
  };

  pugi::xml_node container() { return open_divs_.empty() ? body_ : open_divs_.back().div; }

  std::string block_id(char kind, const std::string& number) const {
    return fmt::format("{}-{}{}", id_, kind, number);
  }

  void dateline(const Metadata& metadata) {
    const std::string& raw = metadata.in_source.dateline_text;
    const std::string date = phrases_.date(metadata.date);
    if (raw.empty() && metadata.dateline_place.empty() && date.empty() && metadata.agency.empty())
      return;
    pugi::xml_node dateline = body_.append_child("dateline");
    set_attribute(dateline, "xml:id", id_ + "-dateline");
    set_line(dateline, metadata.in_source.dateline);
    if (raw.empty()) {
      // Not in the source: docconv made it from the metadata.
      set_attribute(dateline, "resp", application_pointer);
      composed_dateline(dateline, metadata, phrases_);
    } else {
      source_dateline(dateline, metadata, raw, phrases_);
    }
    keep_on_one_line(dateline);
  }

  /// The dateline as the source wrote it ("MOSCOW, June 5. /TASS/."), its
  /// place, date and agency marked where they are found in it. A date that
  /// is not found as written still gets an empty date element with @when.
  static void source_dateline(pugi::xml_node dateline, const Metadata& metadata,
                              std::string_view raw, const Phrases& phrases) {
    std::size_t done = 0;
    const auto mark = [&](const char* element, std::optional<TextSpan> found) -> pugi::xml_node {
      if (!found) return {};
      append_text(dateline, raw.substr(done, found->at - done));
      done = found->at + found->size;
      const std::string_view written = raw.substr(found->at, found->size);
      if (std::string_view(element) == "date") return append_date(dateline, metadata.date, written);
      return append_element(dateline, element, written);
    };
    mark("placeName", find_in_any_case(raw, metadata.dateline_place, done));
    const pugi::xml_node date = mark("date", find_written_date(raw, metadata.date, done, phrases));
    mark("orgName", find_in_any_case(raw, metadata.agency, done));
    append_text(dateline, raw.substr(done));
    if (!date && !when_value(metadata.date).empty()) append_date(dateline, metadata.date, "");
  }

  /// A dateline made from the metadata alone: "Moscow, June 5 (TASS)".
  static void composed_dateline(pugi::xml_node dateline, const Metadata& metadata,
                                const Phrases& phrases) {
    const bool has_date = !phrases.date(metadata.date).empty();
    if (!metadata.dateline_place.empty())
      append_element(dateline, "placeName", metadata.dateline_place);
    if (has_date) {
      if (!metadata.dateline_place.empty()) append_text(dateline, ", ");
      append_date(dateline, metadata.date, phrases);
    }
    if (!metadata.agency.empty()) {
      const bool alone = metadata.dateline_place.empty() && !has_date;
      if (!alone) append_text(dateline, " (");
      append_element(dateline, "orgName", metadata.agency);
      if (!alone) append_text(dateline, ")");
    }
  }

 public:
  // One case per block kind, called by visit_block() from block() with the
  // block's number and lines in number_ and lines_.
  void operator()(const Heading& heading) {
    while (!open_divs_.empty() && open_divs_.back().level >= heading.level) open_divs_.pop_back();
    pugi::xml_node div = container().append_child("div");
    set_attribute(div, "type", "section");
    set_attribute(div, "xml:id", block_id('d', number_));
    identify(append_inline_element(div, "head", heading.content), block_id('h', number_), lines_);
    open_divs_.push_back({heading.level, div});
    has_content_ = true;
  }

  void operator()(const Paragraph& paragraph) {
    identify(append_inline_element(container(), "p", paragraph.content), block_id('p', number_),
             lines_);
    has_content_ = true;
  }

  void operator()(const BlockQuote& quote) {
    pugi::xml_node element = container().append_child("quote");
    identify(element, block_id('q', number_), lines_);
    for (const auto& paragraph : quote.paragraphs) {
      append_label(element, quote.marker, "quoteMark");
      append_inline_element(element, "p", paragraph);
    }
    has_content_ = true;
  }

  void operator()(const List& list) {
    pugi::xml_node element = container().append_child("list");
    identify(element, block_id('l', number_), lines_);
    set_attribute(element, "rend", list.ordered ? "numbered" : "bulleted");
    for (const auto& item : list.items) {
      append_label(element, list.marker, "bullet");
      append_inline_element(element, "item", item);
    }
    has_content_ = true;
  }

  void operator()(const Figure& figure) {
    pugi::xml_node element = container().append_child("figure");
    identify(element, block_id('f', number_), lines_);
    if (const std::string url = pointer(figure.image); !url.empty())
      set_attribute(element.append_child("graphic"), "url", url);
    if (figure.as_written.empty())
      figure_parts(element, figure, false);
    else
      figure_as_written(element, figure);
  }

  /// Caption, credit mark and credit, in the order the source gives them;
  /// when `derived`, each is marked as docconv's (@type or @subtype "derived").
  static void figure_parts(pugi::xml_node figure_element, const Figure& figure, bool derived) {
    if (!figure.caption.empty()) {
      pugi::xml_node head = append_inline_element(figure_element, "head", figure.caption);
      if (derived) set_attribute(head, "type", "derived");
    }
    if (pugi::xml_node mark = append_label(figure_element, figure.credit_mark, "creditMark");
        mark && derived)
      set_attribute(mark, "subtype", "derived");
    if (!figure.credit.empty()) {
      pugi::xml_node note = append_element(figure_element, "note", figure.credit);
      set_attribute(note, "type", "credit");
      if (derived) set_attribute(note, "subtype", "derived");
    }
  }

  /// Caption and credit cut out of a line holding more (a photo-bank line):
  /// the line as written is the source text, the parts are docconv's, so that
  /// a rebuild of the source takes the text once.
  static void figure_as_written(pugi::xml_node figure_element, const Figure& figure) {
    set_attribute(append_element(figure_element, "ab", figure.as_written), "type", "asWritten");
    figure_parts(figure_element, figure, true);
  }

  void operator()(const RelatedLink& link) {
    pugi::xml_node list = container().append_child("list");
    set_attribute(list, "type", "related");
    identify(list, block_id('r', number_), lines_);
    append_label(list, link.label, "readMore");
    pugi::xml_node item = list.append_child("item");
    if (const std::string target = pointer(link.target); !target.empty()) {
      pugi::xml_node ref = append_inline_element(item, "ref", link.text);
      set_attribute(ref, "target", target);
      keep_on_one_line(item);
    } else {
      append_inlines(item, link.text);
    }
    has_content_ = true;
  }

  /// Text the reader took out of the article stays in the source's words,
  /// as surplus ("text present in the source which the editor believes to be
  /// superfluous", with @reason) in a division of the back headed as such, so
  /// that nothing reads it as the article and its reason is not its text.
  void operator()(const Removed& removed) {
    if (!boilerplate_) {
      boilerplate_ = text_.append_child("back").append_child("div");
      set_attribute(boilerplate_, "type", "boilerplate");
      set_attribute(append_element(boilerplate_, "head", phrases_.removed()), "resp",
                    application_pointer);
    }
    pugi::xml_node ab = boilerplate_.append_child("ab");
    set_attribute(ab, "type", "removed");
    identify(ab, block_id('x', number_), lines_);
    pugi::xml_node surplus = append_element(ab, "surplus", removed.text);
    if (const std::string reason = token_list(removed.reason); !reason.empty())
      set_attribute(surplus, "reason", reason);
    keep_on_one_line(ab);
  }

 private:
  std::string number_;
  SourceLines lines_;
  pugi::xml_node text_;
  std::string id_;
  const Phrases& phrases_;  // the article's language
  pugi::xml_node body_;
  pugi::xml_node boilerplate_;
  std::vector<OpenDiv> open_divs_;
  bool has_content_ = false;
};

void gather_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) out += child.value();
    if (child.type() == pugi::node_element) gather_text(child, out);
  }
}

/// xml:lang "und-Cyrl" (or Latn, Grek) on each block whose letters are of
/// another alphabet than its article's language: a Cyrillic menu line kept
/// from an English page is not English. Divisions are left to their blocks.
/// A tree walk, not XPath: a query compiled per element cost time in every
/// block of every article.
void mark_other_scripts(pugi::xml_node node, Script article_script) {
  if (article_script == Script::unknown) return;
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (child.attribute("xml:id").empty() || std::string_view(child.name()) == "div") {
      mark_other_scripts(child, article_script);
      continue;
    }
    std::string content;  // a block: the elements inside it carry no ids
    gather_text(child, content);
    const Script script = dominant_script(content);
    if (script != Script::unknown && script != article_script)
      set_attribute(child, "xml:lang", fmt::format("und-{}", script_subtag(script)));
  }
}

}  // namespace

std::string article_id(std::size_t number) {
  return fmt::format("a{:04}", number);
}

pugi::xml_node append_article(pugi::xml_node parent, const Document& document, std::size_t number,
                              const FileFacts& facts, ArticlePlace place) {
  const std::string id = article_id(number);
  const std::string language = article_language(document.metadata, facts);
  pugi::xml_node tei = parent.append_child("TEI");
  set_attribute(tei, "xml:id", id);
  set_attribute(tei, "xml:lang", language);
  append_article_header(tei, document.metadata, number, language, facts, place);

  BodyWriter body(tei.append_child("text"), id, Phrases::of(language));
  body.front_matter(document.metadata);
  for (std::size_t index = 0; index < document.blocks.size(); ++index)
    body.block(document.blocks[index], index + 1);
  body.finish();
  mark_other_scripts(tei.child("text"), script_of_language(language));
  return tei;
}

pugi::xml_node append_corpus_header(pugi::xml_node parent, const CollectionMetadata& collection,
                                    const FileFacts& facts, std::string_view first_language) {
  pugi::xml_node header = parent.append_child("teiHeader");
  pugi::xml_node file_desc = header.append_child("fileDesc");
  pugi::xml_node title_statement = file_desc.append_child("titleStmt");
  const std::string_view language =
      is_language_tag(facts.language) ? std::string_view(facts.language) : first_language;
  const Phrases& phrases = Phrases::of(language);
  pugi::xml_node title =
      append_element(title_statement, "title",
                     collection.title.empty() ? phrases.collection_title() : collection.title);
  // Without --lang the corpus has no xml:lang: its made-up title says its own.
  if (collection.title.empty() && !is_language_tag(facts.language))
    set_attribute(title, "xml:lang", phrases.language());
  append_authors(title_statement, facts.authors);
  append_publication_statement(file_desc, facts);
  std::vector<const DroppedDocument*> left_out;
  for (const auto& dropped : facts.dropped) left_out.push_back(&dropped);
  if (!left_out.empty()) append_left_out(file_desc.append_child("notesStmt"), left_out, false);
  append_element(file_desc.append_child("sourceDesc"), "p",
                 "A set of articles converted by docconv; the header of each TEI element "
                 "describes its own source.");
  append_encoding_description(header);
  if (is_language_tag(facts.language)) {
    pugi::xml_node usage =
        append_element(header.append_child("profileDesc").append_child("langUsage"), "language",
                       language_name(facts.language));
    set_attribute(usage, "ident", facts.language);
  }
  append_revision(header, "Converted", facts);
  return header;
}

}  // namespace docconv::tei
