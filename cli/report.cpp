#include "report.hpp"

#include "host/output.hpp"

#include <docconv/version.hpp>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace docconv::cli {
namespace {

namespace fs = std::filesystem;

nlohmann::json kinds_json(const std::vector<MessageKind>& kinds) {
  auto out = nlohmann::json::array();
  for (const auto& kind : kinds)
    out.push_back({{"kind", kind.kind},
                   {"count", kind.count},
                   {"first", {{"where", kind.first_where}, {"message", kind.first_message}}}});
  return out;
}

std::size_t total(const std::vector<MessageKind>& kinds) {
  std::size_t count = 0;
  for (const auto& kind : kinds) count += kind.count;
  return count;
}

// What the run wrote: the file with its size, the --split folder with its
// file count, or standard output.
nlohmann::json outputs_json(const RunSummary& run) {
  auto out = nlohmann::json::array();
  if (run.output == "-") {  // written as the run went, unless it failed
    if (!run.result->output_failed)
      out.push_back({{"path", "-"}, {"files", 1}, {"bytes", nullptr}});
    return out;
  }
  if (run.output.empty() || run.result->files_written == 0) return out;
  std::error_code error;
  const auto bytes = run.split ? std::uintmax_t{0} : fs::file_size(run.output, error);
  out.push_back({{"path", run.output},
                 {"files", run.result->files_written},
                 {"bytes", run.split || error ? nlohmann::json(nullptr) : nlohmann::json(bytes)}});
  return out;
}

}  // namespace

namespace {

// What --near-duplicates found: each later article and the earlier one it repeats.
nlohmann::json near_duplicates_json(const host::ConvertResult& result) {
  nlohmann::json found = nlohmann::json::array();
  for (const auto& copy : result.near_duplicates)
    found.push_back(
        {{"source", copy.source},
         {"title", copy.title},
         {"original",
          {{"article", copy.of.article}, {"source", copy.of.source}, {"title", copy.of.title}}},
         {"similarity", copy.of.similarity}});
  return {{"left_out", result.near_duplicates_left_out}, {"found", std::move(found)}};
}

}  // namespace

std::string report_json(const RunSummary& run) {
  const host::ConvertResult& result = *run.result;
  auto skipped = nlohmann::json::array();
  for (const auto& input : result.skipped)
    skipped.push_back({{"name", input.name}, {"reason", input.reason}});
  const nlohmann::json report = {{"report_version", 1},
                                 {"docconv_version", version_string},
                                 {"command", run.command},
                                 {"exit_code", run.exit_code},
                                 {"seconds", run.seconds},
                                 {"inputs",
                                  {{"total", result.inputs},
                                   {"failed", result.inputs_failed},
                                   {"read", result.inputs_read},
                                   {"skipped", skipped}}},
                                 {"documents", result.documents},
                                 {"warnings",
                                  {{"count", total(run.reporter->warning_kinds())},
                                   {"kinds", kinds_json(run.reporter->warning_kinds())}}},
                                 {"errors",
                                  {{"count", total(run.reporter->error_kinds())},
                                   {"kinds", kinds_json(run.reporter->error_kinds())}}},
                                 {"outputs", outputs_json(run)},
                                 {"near_duplicates", near_duplicates_json(result)}};
  return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

void check_report_destination(const std::string& destination,
                              const std::vector<std::string>& inputs, const std::string& output) {
  if (destination == "-") return;
  // Absolute first: weakly_canonical() leaves a relative name that does not
  // exist yet ("run.json") relative, with no folder to check.
  const auto resolved = [](const std::string& path) {
    std::error_code error;
    fs::path absolute = fs::absolute(path, error);
    if (error) return fs::path();
    fs::path canonical = fs::weakly_canonical(absolute, error);
    return error ? absolute.lexically_normal() : canonical;
  };
  const fs::path report = resolved(destination);
  if (report.empty()) throw Error("cannot use this path");
  const auto same = [&](const std::string& path) {
    return path != "-" && resolved(path) == report;
  };
  if (same(output)) throw Error("the report would replace the output; give it another file");
  std::error_code error;
  // An existing file inside an input folder is (or may be) an input too.
  const bool exists = fs::exists(report, error);
  for (const auto& input : inputs) {
    if (same(input)) throw Error(fmt::format("the report would replace the input {}", input));
    const fs::path folder = input == "-" ? fs::path() : resolved(input);
    if (exists && fs::is_directory(folder, error) &&
        std::mismatch(folder.begin(), folder.end(), report.begin(), report.end()).first ==
            folder.end())
      throw Error(fmt::format("the report would replace a file of the input folder {}", input));
  }
  if (fs::is_directory(report, error)) throw Error("is a folder; give the report a file name");
  const fs::path folder = report.parent_path();
  const fs::path as_given = fs::path(destination).parent_path();  // for messages
  const std::string folder_name = as_given.empty() ? "." : as_given.string();
  if (!fs::is_directory(folder, error))
    throw Error(fmt::format("the folder {} does not exist", folder_name));
  if (::access(folder.c_str(), W_OK) != 0)
    throw Error(fmt::format("cannot write in the folder {}", folder_name));
}

void write_report(const std::string& destination, const RunSummary& run) {
  const std::string text = report_json(run);
  if (destination == "-") {
    std::cout << text << std::flush;
    if (!std::cout) throw Error("cannot write to standard output");
    return;
  }
  host::AtomicFileSink file(destination, false);
  file.stream() << text;
  file.commit();
}

}  // namespace docconv::cli
