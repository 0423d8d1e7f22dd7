#include <docconv/visit.hpp>

namespace docconv {

Section section_tree(const std::vector<Block>& blocks) {
  Section top;
  // The sections still open, outermost first; a pointer stays valid because
  // only the innermost section's subsections grow.
  std::vector<Section*> open{&top};
  for (const Block& block : blocks) {
    const auto* heading = std::get_if<Heading>(&block.content);
    if (heading == nullptr) {
      open.back()->blocks.push_back(&block);
      continue;
    }
    while (open.size() > 1 && open.back()->level >= heading->level) open.pop_back();
    Section& parent = *open.back();
    parent.subsections.push_back(Section{&block, heading->level, {}, {}});
    open.push_back(&parent.subsections.back());
  }
  return top;
}

}  // namespace docconv
