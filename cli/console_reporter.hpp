// How the CLI tells the user what happens: one line per problem on standard
// error, and a progress bar when standard error is a terminal.
#pragma once

#include "host/convert.hpp"

#include <cstddef>
#include <string_view>

namespace docconv::cli {

class ConsoleReporter final : public host::Reporter {
 public:
  ConsoleReporter();
  ~ConsoleReporter() override;
  void warn(std::string_view where, std::string_view message) override;
  void error(std::string_view where, std::string_view message) override;
  void progress(std::size_t done, std::size_t total) override;

  std::size_t warnings() const { return warnings_; }
  std::size_t errors() const { return errors_; }

 private:
  void print(std::string_view level, std::string_view where, std::string_view message);
  void clear_bar();

  bool show_progress_;
  bool bar_visible_ = false;
  std::size_t warnings_ = 0;
  std::size_t errors_ = 0;
};

/// "docconv: error: <where>: <what>" on standard error (no reporter needed).
void print_error(std::string_view where, std::string_view message);

/// "docconv: MESSAGE" on standard error, one line, safe on a terminal (what
/// was written).
void print_note(std::string_view message);

}  // namespace docconv::cli
