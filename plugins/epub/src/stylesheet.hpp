// The book's default stylesheet.
#pragma once

#include <string_view>

namespace docconv::epub {

/// Serif body text at the reader's own size, a readable measure, sizes in em
/// only (e-ink readers and phones scale them); replaced by --css FILE.
std::string_view default_stylesheet();

}  // namespace docconv::epub
