#include "stylesheet.hpp"

namespace docconv::epub {

std::string_view default_stylesheet() {
  return R"css(/* docconv EPUB stylesheet: relative sizes only, so that the reading
   system's font size and margins apply. Replace it with --css FILE. */
html { font-family: Georgia, "Times New Roman", serif; }
body { margin: 0 auto; max-width: 36em; padding: 0 0.5em; line-height: 1.45; }
p { margin: 0 0 0.8em 0; text-align: left; hyphens: auto; -epub-hyphens: auto; }

.article header { margin-bottom: 1.5em; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2;
  page-break-after: avoid; break-after: avoid; }
h1 { font-size: 1.6em; margin: 0.5em 0 0.5em 0; }
h1.derived { font-style: italic; font-weight: normal; }
/* A title cut from the lead: for the contents and screen readers, not repeated on the page. */
h1.from-lead { position: absolute; width: 0.05em; height: 0.05em; margin: -0.05em; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.5em 0; }
h3, h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.4em 0; }
.standfirst { font-size: 1.1em; font-style: italic; }
.dateline { font-size: 0.85em; font-family: "Helvetica Neue", Arial, sans-serif; }
.dateline .place { text-transform: uppercase; letter-spacing: 0.05em; }
.byline { font-size: 0.85em; }
.near-duplicate { font-size: 0.85em; border-left: 0.2em solid #767676; padding-left: 0.6em; }

figure { margin: 1em 0; }
figcaption { font-family: sans-serif; font-size: 0.8em; line-height: 1.35; color: #444; }
figcaption .credit-mark { color: #666; }  /* 5.7:1 on white: WCAG AA */
figcaption .credit { font-style: italic; }
blockquote { margin: 1em 1.5em; font-style: italic; }
ul, ol { margin: 0 0 0.8em 0; padding-left: 1.5em; }

aside.read-more { margin: 1.2em 0; padding: 0.5em 0.8em; border: 0.1em solid #888;
  font-size: 0.9em; page-break-inside: avoid; break-inside: avoid; }
aside.read-more .read-more-title { font-weight: bold; margin-bottom: 0.3em; }
aside.read-more ul { margin: 0; }

.title-page { text-align: center; margin-top: 20%; }
.title-page p { text-align: center; }
.title-page h1 { font-size: 2em; }
.book-creators { font-size: 1.2em; }
.book-extent, .book-publisher { font-size: 0.9em; }

nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 1.2em; font-size: 0.9em; }
nav.toc li { margin: 0.4em 0; }
nav.toc a { text-decoration: none; }
nav.toc .toc-details { display: block; font-size: 0.8em; color: #555; }
nav.toc .toc-separator { display: none; }
nav[hidden] { display: none; }

.cover { text-align: center; }
.cover img { max-width: 100%; max-height: 95vh; }
)css";
}

}  // namespace docconv::epub
