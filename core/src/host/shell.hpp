// Private to the docconv host: text for /bin/sh (and the shells that read
// its quoting: bash, zsh, fish), for completion scripts and tests.
#pragma once

#include <string>
#include <string_view>

namespace docconv::host {

/// `text` in single quotes for the shell: one word, whatever it holds.
std::string shell_quote(std::string_view text);

}  // namespace docconv::host
