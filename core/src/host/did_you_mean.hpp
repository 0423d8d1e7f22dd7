// Private to the docconv host: "did you mean ...?" for a mistyped name (a
// command, an option, a format), as git and cargo suggest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::host {

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`,
/// ignoring case: the optimal string alignment distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The name in `known` closest to `given`, if it is close enough to be what
/// the user meant (at most a third of its letters edited, at least one); the
/// first of equally close ones. Empty when none is.
std::string closest_name(std::string_view given, const std::vector<std::string>& known);

/// "; did you mean 'NAME'?" for closest_name(), or nothing.
std::string did_you_mean(std::string_view given, const std::vector<std::string>& known);

}  // namespace docconv::host
