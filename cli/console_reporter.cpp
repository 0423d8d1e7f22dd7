#include "console_reporter.hpp"

#include <docconv/text.hpp>

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace docconv::cli {

namespace {

// Messages are one line each and safe on a terminal, whatever a file name or
// a plugin put into them: line ends become spaces; control characters (an
// escape sequence in a file name), C1 controls (U+0080-U+009F, which some
// terminals obey) and bytes that are not UTF-8 become U+FFFD, as in JSON.
std::string one_line(std::string_view text) {
  const std::string safe = xml_safe(text);  // valid UTF-8 without C0 controls but tab, LF, CR
  std::string out;
  out.reserve(safe.size());
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '\xC2' && i + 1 < safe.size() &&
               static_cast<unsigned char>(safe[i + 1]) < 0xA0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a C1 control
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

bool progress_wanted() {
  const char* ci = std::getenv("CI");
  return ::isatty(STDERR_FILENO) == 1 && (ci == nullptr || *ci == '\0');
}

// Standard error's width; 80 when it is not a terminal that says.
std::size_t terminal_columns() {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace

void print_error(std::string_view where, std::string_view message) {
  if (where.empty())
    fmt::print(stderr, "docconv: error: {}\n", one_line(message));
  else
    fmt::print(stderr, "docconv: error: {}: {}\n", one_line(where), one_line(message));
}

void print_note(std::string_view message) {
  fmt::print(stderr, "docconv: {}\n", one_line(message));
}

ConsoleReporter::ConsoleReporter(ProgressMode mode, bool verbose)
    : show_progress_(mode == ProgressMode::always ||
                     (mode == ProgressMode::auto_ && progress_wanted())),
      verbose_(verbose) {}

ConsoleReporter::~ConsoleReporter() {
  clear_bar();
}

void ConsoleReporter::print(std::string_view level, std::string_view where,
                            std::string_view message) {
  clear_bar();
  if (where.empty())
    fmt::print(stderr, "docconv: {}: {}\n", level, one_line(message));
  else
    fmt::print(stderr, "docconv: {}: {}: {}\n", level, one_line(where), one_line(message));
}

namespace {

// Counts the message in its kind; true when it is the first of its kind.
bool count_kind(std::vector<MessageKind>& kinds, std::string_view where, std::string_view message) {
  const std::string kind = message_kind(message);
  const auto found = std::find_if(kinds.begin(), kinds.end(),
                                  [&](const MessageKind& known) { return known.kind == kind; });
  if (found != kinds.end()) {
    ++found->count;
    return false;
  }
  kinds.push_back({kind, 1, std::string(where), std::string(message)});
  return true;
}

}  // namespace

std::string message_kind(std::string_view message) {
  std::string kind;
  for (std::size_t i = 0; i < message.size();) {
    const char c = message[i];
    const auto digit = [&](std::size_t at) {
      return at < message.size() && message[at] >= '0' && message[at] <= '9';
    };
    if (digit(i)) {  // 3, 2,450, 1.5
      ++i;
      while (digit(i) || ((message[i] == ',' || message[i] == '.') && digit(i + 1))) ++i;
      kind += 'N';
      continue;
    }
    if (c == '\'' || c == '"') {
      const std::size_t close = message.find(c, i + 1);
      if (close != std::string_view::npos) {
        kind += std::string(1, c) + "\u2026" + std::string(1, c);
        i = close + 1;
        continue;
      }
    }
    kind += c;
    ++i;
  }
  return kind;
}

void ConsoleReporter::warn(std::string_view where, std::string_view message) {
  ++warnings_;
  if (count_kind(warning_kinds_, where, message) || verbose_) print("warning", where, message);
}

void ConsoleReporter::error(std::string_view where, std::string_view message) {
  ++errors_;
  count_kind(error_kinds_, where, message);
  print("error", where, message);  // each error names an input that failed: all are shown
}

void ConsoleReporter::finish() {
  if (verbose_) return;
  for (const auto& kind : warning_kinds_)
    if (kind.count > 1)
      print("warning", "",
            fmt::format("{} more like \"{}\" (--verbose shows them all)", kind.count - 1,
                        kind.first_message));
}

void ConsoleReporter::progress(std::size_t done, std::size_t total, std::size_t articles) {
  using namespace std::chrono_literals;
  if (!show_progress_) return;
  const auto now = Clock::now();
  const double seconds = std::chrono::duration<double>(now - start_).count();
  if (done >= total) {
    if (!bar_shown_) return;  // a short run: nothing to close
    clear_bar();
    fmt::print(stderr, "docconv: read {} ({}) in {:.1f} s\n", counted(done, "input", "inputs"),
               counted(articles, "article", "articles"), seconds);
    return;
  }
  if (first_done_ == 0) {
    first_read_ = now;
    first_done_ = done;
  }
  if (now - start_ < 1s || now - last_drawn_ < 100ms) return;
  last_drawn_ = now;
  const double reading = std::chrono::duration<double>(now - first_read_).count();
  // Until inputs have been read for a while, the run as a whole gives the rate.
  const double rate = done > first_done_ && reading >= 0.1 ? (done - first_done_) / reading
                                                           : done / std::max(seconds, 1e-3);
  std::string status = fmt::format("{}/{} inputs, {}, {:.0f}/s", done, total,
                                   counted(articles, "article", "articles"), rate);
  if (rate > 0) status += fmt::format(", {:.0f} s left", (total - done) / rate);
  // One line that fits, or the next redraw starts a new one: the bar goes
  // first, then the end of the status.
  const std::size_t columns = terminal_columns();
  constexpr std::size_t bar_width = 20;
  const std::size_t filled = done * bar_width / std::max<std::size_t>(total, 1);
  std::string line = fmt::format("[{}{}] {}", std::string(filled, '#'),
                                 std::string(bar_width - filled, ' '), status);
  if (line.size() >= columns) line = status;
  if (line.size() >= columns) line.resize(columns > 1 ? columns - 1 : 0);
  fmt::print(stderr, "\r{}\033[K", line);
  std::fflush(stderr);
  bar_visible_ = bar_shown_ = true;
}

void ConsoleReporter::clear_bar() {
  if (!bar_visible_) return;
  fmt::print(stderr, "\r\033[K");
  bar_visible_ = false;
}

}  // namespace docconv::cli
