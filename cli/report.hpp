// --report: a JSON summary of a run for scripts, so that they need not parse
// messages. Its form is docs/report.schema.json (report_version 1).
#pragma once

#include "console_reporter.hpp"

#include "host/convert.hpp"

#include <string>
#include <vector>

namespace docconv::cli {

struct RunSummary {
  std::string command;  ///< "convert" or "inspect"
  int exit_code = 0;
  double seconds = 0;
  const host::ConvertResult* result = nullptr;
  const ConsoleReporter* reporter = nullptr;
  std::string output;  ///< -o as given ("-" for standard output); empty for inspect
  bool split = false;
};

/// The report as JSON text (one object, a line end after it).
std::string report_json(const RunSummary& run);

/// Refuses, before the run, a report destination the run could not write or
/// would damage: an input, the output, or a file in a folder that does not
/// exist or cannot be written. Throws docconv::Error saying which.
void check_report_destination(const std::string& destination,
                              const std::vector<std::string>& inputs, const std::string& output);

/// Writes the report to `destination` ("-": standard output) in one step: a
/// report file from an earlier run is replaced whole or not at all. Throws
/// docconv::Error.
void write_report(const std::string& destination, const RunSummary& run);

}  // namespace docconv::cli
