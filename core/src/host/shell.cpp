#include "host/shell.hpp"

namespace docconv::host {

std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (const char c : text) {
    if (c == '\'')
      quoted += "'\\''";  // close the quotes, an escaped quote, open them again
    else
      quoted += c;
  }
  return quoted + "'";
}

}  // namespace docconv::host
