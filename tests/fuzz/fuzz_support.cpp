#include "fuzz_support.hpp"

#include "support.hpp"

#include <cstdio>
#include <cstdlib>

namespace docconv::fuzz {

namespace {

std::string short_text(FuzzedDataProvider& data) {
  return data.ConsumeRandomLengthString(80);
}

Inlines make_inlines(FuzzedDataProvider& data) {
  Inlines inlines;
  const int count = data.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < count; ++i) {
    Inline run;
    run.kind = static_cast<InlineKind>(data.ConsumeIntegralInRange(0, 3));
    run.text = short_text(data);
    if (run.kind == InlineKind::link) run.target = short_text(data);
    inlines.push_back(std::move(run));
  }
  return inlines;
}

std::vector<Inlines> make_paragraphs(FuzzedDataProvider& data) {
  std::vector<Inlines> out;
  const int count = data.ConsumeIntegralInRange(0, 3);
  for (int i = 0; i < count; ++i) out.push_back(make_inlines(data));
  return out;
}

BlockContent make_content(FuzzedDataProvider& data) {
  switch (data.ConsumeIntegralInRange(0, 6)) {
    case 0:
      return Heading{data.ConsumeIntegralInRange(1, 6), make_inlines(data)};
    case 1:
      return Paragraph{make_inlines(data)};
    case 2: {
      BlockQuote quote{make_paragraphs(data)};
      quote.marker = short_text(data);
      return quote;
    }
    case 3: {
      const bool ordered = data.ConsumeBool();
      List list{ordered, make_paragraphs(data)};
      list.marker = short_text(data);
      return list;
    }
    case 4: {
      Figure figure{make_inlines(data), {}, {}};
      figure.credit = short_text(data);
      figure.image = short_text(data);
      figure.credit_mark = short_text(data);
      figure.as_written = short_text(data);
      return figure;
    }
    case 5: {
      RelatedLink link{make_inlines(data), {}};
      link.target = short_text(data);
      link.label = short_text(data);
      return link;
    }
    default: {
      Removed removed;
      removed.text = short_text(data);
      removed.reason = short_text(data);
      return removed;
    }
  }
}

std::vector<std::string> make_names(FuzzedDataProvider& data) {
  std::vector<std::string> names;
  const int count = data.ConsumeIntegralInRange(0, 2);
  for (int i = 0; i < count; ++i) names.push_back(short_text(data));
  return names;
}

std::map<std::string, std::string> make_map(FuzzedDataProvider& data) {
  std::map<std::string, std::string> map;
  const int count = data.ConsumeIntegralInRange(0, 2);
  for (int i = 0; i < count; ++i) {
    std::string key = short_text(data);
    map[std::move(key)] = short_text(data);
  }
  return map;
}

std::string make_language(FuzzedDataProvider& data) {
  switch (data.ConsumeIntegralInRange(0, 3)) {
    case 0:
      return "";
    case 1:
      return "en";
    case 2:
      return "ru";
    default:
      return short_text(data);
  }
}

Metadata make_metadata(FuzzedDataProvider& data) {
  Metadata metadata;
  metadata.title = short_text(data);
  metadata.title_derived = data.ConsumeBool();
  metadata.standfirst = short_text(data);
  metadata.authors = make_names(data);
  metadata.publisher = short_text(data);
  metadata.agency = short_text(data);
  metadata.dateline_place = short_text(data);
  metadata.date.year = data.ConsumeIntegralInRange(-1, 10000);
  metadata.date.month = data.ConsumeIntegralInRange(-1, 13);
  metadata.date.day = data.ConsumeIntegralInRange(-1, 32);
  metadata.language = make_language(data);
  metadata.source = short_text(data);
  metadata.identifiers = make_map(data);
  metadata.extras = make_map(data);
  return metadata;
}

}  // namespace

const host::PluginEntry& project_plugin(std::string_view name, PluginKind kind) {
  const auto* plugin = test::project_plugins().find(name, kind);
  if (plugin == nullptr) {
    std::fprintf(stderr, "fuzz: plugin %.*s not found in %s\n", static_cast<int>(name.size()),
                 name.data(), test::plugin_dir().c_str());
    std::abort();
  }
  return *plugin;
}

Collection make_collection(FuzzedDataProvider& data) {
  Collection collection;
  collection.metadata.title = short_text(data);
  collection.metadata.authors = make_names(data);
  collection.metadata.language = make_language(data);
  collection.metadata.publisher = short_text(data);
  if (data.ConsumeBool())
    collection.metadata.source_date_epoch =
        data.ConsumeIntegralInRange<std::int64_t>(0, 4102444800);
  const int documents = data.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < documents; ++i) {
    Document document;
    document.metadata = make_metadata(data);
    const int blocks = data.ConsumeIntegralInRange(0, 8);
    for (int b = 0; b < blocks; ++b) {
      const auto first = data.ConsumeIntegral<std::size_t>();
      document.blocks.push_back(
          {make_content(data), {first, first + data.ConsumeIntegral<std::uint8_t>()}});
    }
    collection.documents.push_back(std::move(document));
  }
  return collection;
}

void fail(std::string_view what, std::string_view output) {
  std::fprintf(stderr, "fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!output.empty()) {
    const auto shown = output.substr(0, 20000);
    std::fprintf(stderr, "---- output ----\n%.*s\n----\n", static_cast<int>(shown.size()),
                 shown.data());
  }
  std::abort();
}

}  // namespace docconv::fuzz
