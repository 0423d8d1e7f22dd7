# docconv_add_plugin(NAME SOURCES... [IMPLEMENTATION sources...]
#                    [LIBRARIES libraries...] [OUTPUT_DIRECTORY DIR])
#
# Builds a docconv plugin: a MODULE library named docconv-NAME.so, linked to
# docconv::core, compiled as C++20 with hidden visibility so that only the
# entry points exported by DOCCONV_PLUGIN are visible. The ABI stamp is the
# docconv::abi_version of the headers it compiles against.
#
# With IMPLEMENTATION, the plugin is laid out as docconv's own are
# (docs/architecture.md, "Plugin layout"): SOURCES hold only the plugin class
# and its descriptor; the IMPLEMENTATION sources are the static library
# NAME-impl, which the plugin links and which the plugin's tests can link too,
# so that nothing is compiled twice. LIBRARIES are linked to NAME-impl when
# there is one, else to the plugin.
#
# Used by docconv's own build and installed with the CMake package, so that
# plugins built outside the repository are built the same way.
function(docconv_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_DIRECTORY" "SOURCES;IMPLEMENTATION;LIBRARIES")
  add_library(${name} MODULE ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE docconv::core)
  if(ARG_IMPLEMENTATION)
    add_library(${name}-impl STATIC ${ARG_IMPLEMENTATION})
    target_link_libraries(${name}-impl PUBLIC docconv::core ${ARG_LIBRARIES})
    target_compile_features(${name}-impl PUBLIC cxx_std_20)
    set_target_properties(${name}-impl PROPERTIES
      POSITION_INDEPENDENT_CODE ON
      CXX_VISIBILITY_PRESET hidden
      VISIBILITY_INLINES_HIDDEN ON)
    target_link_libraries(${name} PRIVATE ${name}-impl)
  else()
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES})
  endif()
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    SUFFIX ".so"
    OUTPUT_NAME "docconv-${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  elseif(DOCCONV_PLUGIN_BUILD_DIR)
    # Inside docconv's own build: the project's plugins go to one folder of
    # the build tree (where the CLI finds them) and are installed with it.
    set_target_properties(${name} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${DOCCONV_PLUGIN_BUILD_DIR}"
      INSTALL_RPATH "$ORIGIN/../..")
    add_dependencies(docconv-plugins ${name})
    # The files themselves, for what is made from the plugins' descriptors
    # (the man page and completions: cli/CMakeLists.txt).
    set_property(TARGET docconv-plugins APPEND PROPERTY DOCCONV_PLUGIN_FILES
      "$<TARGET_FILE:${name}>")
    install(TARGETS ${name} LIBRARY DESTINATION "${DOCCONV_PLUGIN_INSTALL_DIR}")
  endif()
  if(NOT DOCCONV_PLUGIN_BUILD_DIR)
    # Outside docconv's build: the installed plugin records where the
    # docconv it was built against keeps libdocconv-core, so that `ldd`
    # resolves it (docconv itself has loaded it before any plugin).
    set_target_properties(${name} PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
  endif()
endfunction()
