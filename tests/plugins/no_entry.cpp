// A shared library that is not a docconv plugin: it exports no entry point.
#include <boost/config.hpp>

extern "C" BOOST_SYMBOL_EXPORT int not_a_docconv_plugin() {
  return 42;
}
