// Private to the plugins in this repository: what the text writers (TEI,
// Markdown) hand to their OrderedRenderer and get back from it.
#pragma once

#include <docconv/model.hpp>
#include <docconv/plugin.hpp>
#include <docconv_support/ordered_renderer.hpp>

#include <cstddef>
#include <string>

namespace docconv::support {

/// An article waiting to be rendered as text.
struct TextJob {
  Document document;       ///< a copy: add()'s document is valid only during add()
  std::size_t number = 0;  ///< 1-based, in input order
  std::string file;        ///< with --split, the article's own file; else empty
};

/// An article rendered as text, and where it goes.
struct RenderedText {
  std::string file;  ///< with --split, the article's own file; else empty
  std::string text;
};

/// Text writers keep no state per thread.
struct NoState {};

using TextRenderer = OrderedRenderer<TextJob, RenderedText, NoState>;

/// Writes a rendered article: into its own file with --split, else onto the one output stream.
inline void write_rendered(OutputSink& output, const RenderedText& article) {
  if (!article.file.empty())
    output.open_part(article.file) << article.text;
  else
    output.stream() << article.text;
}

}  // namespace docconv::support
