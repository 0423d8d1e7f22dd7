// Language tags as EPUB wants them: BCP 47, never a POSIX locale name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace docconv::epub {

/// `tag` as a well-formed BCP 47 tag ("en", "pt-BR"), or nothing when it is
/// not one. POSIX locale spellings are repaired ("en_US.UTF-8" -> "en-US");
/// "C" and "POSIX" are not languages and give nothing.
std::optional<std::string> normalized_language(std::string_view tag);

}  // namespace docconv::epub
