// News dumps as input files, for the tests that rebuild an input's text from
// the TEI: hand-made ones holding every marker the reader keeps, and the
// generated news corpus (tests/support/news_corpus.hpp).
#pragma once

#include <string>
#include <vector>

namespace docconv::tei::test {

struct SourceInput {
  std::string name;
  std::string bytes;
};

/// Hand-made dumps with every marker form: bullets "-", "*", "•" (also with a
/// no-break space), "> " quotes, "Read more :" and "READ MORE:" labels,
/// "caption | credit", a caption over a "© credit" line, "(c) credit" and
/// "(C) credit" alone, "Photo: credit", a photo-bank line, leading and
/// trailing chrome, duplicate captions; CRLF line ends, Cyrillic text, a
/// title derived from the lead.
std::vector<SourceInput> marker_inputs();

/// Articles 0..count-1 of the generated news corpus (tests/support/news_corpus.hpp).
std::vector<SourceInput> generated_inputs(std::size_t count);

}  // namespace docconv::tei::test
