// How the CLI tells the user what happens: one line per problem on standard
// error, and a progress bar when standard error is a terminal.
#pragma once

#include "host/convert.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::cli {

/// --progress: when to show it.
enum class ProgressMode { never, auto_, always };

/// Messages of one kind: the same text but for numbers and quoted names
/// ("no article: the input holds only site chrome (N lines of it)").
struct MessageKind {
  std::string kind;
  std::size_t count = 0;
  std::string first_where;  ///< the first message of the kind, as printed
  std::string first_message;
};

class ConsoleReporter final : public host::Reporter {
 public:
  /// auto_: when standard error is a terminal and CI is not set. Unless
  /// `verbose`, a warning of a kind already printed is counted, not printed,
  /// until finish() says how many more there were.
  explicit ConsoleReporter(ProgressMode mode, bool verbose = false);
  ~ConsoleReporter() override;
  void warn(std::string_view where, std::string_view message) override;
  void error(std::string_view where, std::string_view message) override;
  /// Shown once the run has taken a second, redrawn at most ten times a
  /// second: inputs done of total, articles, rate and time left; a last line
  /// when the reading is done. Short runs show nothing.
  void progress(std::size_t done, std::size_t total, std::size_t articles) override;

  std::size_t warnings() const { return warnings_; }
  std::size_t errors() const { return errors_; }
  /// One line per kind of warning whose repeats were not printed.
  void finish();
  /// Every warning and error, by kind, in the order each kind first came.
  const std::vector<MessageKind>& warning_kinds() const { return warning_kinds_; }
  const std::vector<MessageKind>& error_kinds() const { return error_kinds_; }

 private:
  void print(std::string_view level, std::string_view where, std::string_view message);
  void clear_bar();

  using Clock = std::chrono::steady_clock;
  bool show_progress_;
  bool bar_visible_ = false;
  bool bar_shown_ = false;  // ever, in this run
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_drawn_{};
  // The rate counts from the first input read, not from the start: the
  // survey pass before it reads every input once too.
  Clock::time_point first_read_{};
  std::size_t first_done_ = 0;
  std::size_t warnings_ = 0;
  std::size_t errors_ = 0;
  bool verbose_;
  std::vector<MessageKind> warning_kinds_;
  std::vector<MessageKind> error_kinds_;
};

/// The kind of a message: its text with each number as "N" and each quoted
/// name ('...' or "...") as "'…'".
std::string message_kind(std::string_view message);

/// "docconv: error: <where>: <what>" on standard error (no reporter needed).
void print_error(std::string_view where, std::string_view message);

/// "docconv: MESSAGE" on standard error, one line, safe on a terminal (what
/// was written).
void print_note(std::string_view message);

}  // namespace docconv::cli
