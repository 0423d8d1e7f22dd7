// Documents made by hand for the epub writer's tests: what a news reader
// produces for a scraped article, and articles made to break writers.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <string>

namespace docconv::epub_test {

/// An article with every kind of block the model has: title, standfirst,
/// dateline (place, date, agency), a figure with credit, subheadings,
/// paragraphs with emphasis and links, a list, a quote, related links and
/// removed site chrome. `number` varies its text and date.
Document realistic_article(std::size_t number);

/// `count` realistic articles, in order.
Collection realistic_collection(std::size_t count);

/// An article whose title and text are full of XML-special characters,
/// path-like pieces, non-Latin scripts, invalid UTF-8 and control characters,
/// with a 2,000-character title.
Document hostile_article();

/// A valid 1x1 PNG image, for --cover.
std::string one_pixel_png();

/// The text of the site chrome that realistic_article() marks as removed.
inline constexpr const char* removed_marker = "Subscribe to our newsletter";

}  // namespace docconv::epub_test
