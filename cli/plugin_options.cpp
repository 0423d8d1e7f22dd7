#include "plugin_options.hpp"

namespace docconv::cli {

void add_plugin_options(CLI::App& command, const host::PluginRegistry& registry, PluginKind kind,
                        const std::string& selected, OptionValues& values) {
  for (const auto& plugin : registry.plugins()) {
    if (plugin.info.kind != kind) continue;
    const bool shown = selected.empty() || plugin.info.name == selected ||
                       std::find(plugin.info.aliases.begin(), plugin.info.aliases.end(),
                                 selected) != plugin.info.aliases.end();
    const std::string group =
        shown ? plugin.info.name + " " + std::string(host::kind_name(kind)) + " options" : "";
    for (const auto& spec : plugin.info.options) {
      // Shared by two plugins (a reader's and a writer's too): one option, as
      // declared first, feeding the one map both read. CLI11 would throw.
      const std::string flag = "--" + spec.name;
      if (command.get_option_no_throw(flag) != nullptr) continue;
      CLI::Option* option = nullptr;
      if (spec.is_flag) {
        option = command.add_flag_callback(
            flag, [&values, name = spec.name] { values[name] = "true"; }, spec.help);
      } else {
        option = command.add_option_function<std::string>(
            flag, [&values, name = spec.name](const std::string& value) { values[name] = value; },
            spec.help);
        if (!spec.value_name.empty()) option->type_name(spec.value_name);
      }
      option->group(group);
    }
  }
}

std::vector<std::string> prescan(int argc, char** argv, const std::string& name,
                                 const std::string& short_name) {
  std::vector<std::string> values;
  const std::string long_form = "--" + name;
  const std::string short_form = short_name.empty() ? std::string() : "-" + short_name;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") break;
    if ((arg == long_form || (!short_form.empty() && arg == short_form)) && i + 1 < argc) {
      values.emplace_back(argv[++i]);
    } else if (arg.rfind(long_form + "=", 0) == 0) {
      values.push_back(arg.substr(long_form.size() + 1));
    }
  }
  return values;
}

}  // namespace docconv::cli
