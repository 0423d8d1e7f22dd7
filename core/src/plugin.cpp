#include <docconv/plugin.hpp>

namespace docconv {

std::string option_or(const OptionValues& values, std::string_view name, std::string fallback) {
  auto found = values.find(name);
  return found == values.end() ? std::move(fallback) : found->second;
}

Error::~Error() = default;

void Plugin::check_options(const OptionValues&) const {}

int Plugin::probe(std::string_view) const {
  return 0;
}
std::vector<std::uint64_t> Reader::survey(const Input&, const ReadContext&) {
  return {};
}

std::unique_ptr<Reader> Plugin::make_reader() const {
  return nullptr;
}
std::unique_ptr<Writer> Plugin::make_writer() const {
  return nullptr;
}

}  // namespace docconv
