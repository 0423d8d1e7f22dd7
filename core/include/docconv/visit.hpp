// docconv plugin SDK: visiting a document's blocks so that a block kind a
// writer forgets is a compile error, and its subheadings as nested sections.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace docconv {

/// Lambdas joined into one visitor, for visit_block():
///
///     visit_block(block.content, overloaded{
///         [&](const Paragraph& p) { ... },
///         [&](const Heading& h) { ... },
///         ...one lambda per block kind...});
template <class... Callables>
struct overloaded : Callables... {
  using Callables::operator()...;
};
template <class... Callables>
overloaded(Callables...) -> overloaded<Callables...>;

namespace detail {

/// Stands for a block kind that a later model version adds. A visitor that
/// accepts it has a catch-all overload and would take that kind in silence.
struct LaterBlockKind {};

template <class Visitor, class Content>
struct takes_each_kind : std::false_type {};
template <class Visitor, class... Kinds>
struct takes_each_kind<Visitor, std::variant<Kinds...>>
    : std::bool_constant<(std::is_invocable_v<Visitor, const Kinds&> && ...)> {};

}  // namespace detail

/// Calls `visitor` with the block's content, as std::visit does, but compiles
/// only when the visitor has one overload for each block kind (Heading,
/// Paragraph, BlockQuote, List, Figure, RelatedLink, Removed) and no
/// catch-all: a generic `[](const auto&)` overload does not compile here.
/// So when the model gains a block kind, every writer that does not handle
/// it stops compiling, instead of dropping that kind's text without a word.
template <class Visitor>
decltype(auto) visit_block(const BlockContent& content, Visitor&& visitor) {
  static_assert(detail::takes_each_kind<Visitor, BlockContent>::value,
                "visit_block: the visitor needs an overload for every block kind: Heading, "
                "Paragraph, BlockQuote, List, Figure, RelatedLink, Removed");
  static_assert(!std::is_invocable_v<Visitor, const detail::LaterBlockKind&>,
                "visit_block: the visitor has a catch-all overload; write one per block kind");
  return std::visit(std::forward<Visitor>(visitor), content);
}

/// A document's blocks nested by their subheadings, for formats whose
/// sections nest (TEI `div`, JATS `sec`, HTML `section`).
struct Section {
  /// The subheading that opens the section; null for the document's top
  /// level (the blocks before the first subheading, and the top sections).
  const Block* heading = nullptr;
  /// Its level (1-6); 0 for the top level.
  int level = 0;
  /// The blocks between the heading and the first subsection, in order.
  std::vector<const Block*> blocks;
  /// Sections whose heading has a greater level, in order.
  std::vector<Section> subsections;
};

/// The section tree of `blocks`: each Heading opens a section that runs to
/// the next Heading of the same or a lower level. A deeper heading right
/// after a shallower one nests one level, whatever the gap (2 then 4 gives a
/// section inside a section). Blocks point into `blocks`, which must outlive
/// the tree. Every block is in the tree exactly once, in document order.
Section section_tree(const std::vector<Block>& blocks);
Section section_tree(std::vector<Block>&& blocks) = delete;  // the tree would point into it

}  // namespace docconv
