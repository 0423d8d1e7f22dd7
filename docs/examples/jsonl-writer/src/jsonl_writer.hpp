// The jsonl writer; its descriptor is in jsonl_plugin.cpp.
#pragma once

#include <docconv/plugin.hpp>

namespace jsonl {

class JsonLinesWriter final : public docconv::Writer {
 public:
  void begin(const docconv::WriteContext& ctx) override;
  void add(const docconv::Document& document) override;
  void finish() override;

 private:
  const docconv::WriteContext* ctx_ = nullptr;
};

}  // namespace jsonl
