# The HTTP process maps no document engine (docs/ARCHITECTURE.md): a build
# fact, checked when the project is configured. A target that reaches an
# engine through its link dependencies, however many libraries away, stops
# the configuration with the path that leads to it.

# The engines' imported targets, and their libraries as files (a path linked
# by hand instead of the target).
set(DOSSIER_ENGINE_TARGETS PkgConfig::PODOFO PkgConfig::VIPS PkgConfig::QPDF PkgConfig::TESSERACT
                           PkgConfig::POPPLER)
set(DOSSIER_ENGINE_FILE_REGEX "/lib(podofo|vips|vips-cpp|qpdf|tesseract|lept|poppler|poppler-cpp)\\.")

# The items `target` links: LINK_LIBRARIES for our own targets (PRIVATE
# included: a static library's private dependencies are linked into the
# binary), INTERFACE_LINK_LIBRARIES for imported ones. $<LINK_ONLY:x> is x;
# other generator expressions depend on the configuration and are kept
# whole (an engine is never linked through one here); the ::@ markers of
# target_link_libraries called from another directory are dropped.
function(dossier_linked_items target out)
  get_target_property(imported ${target} IMPORTED)
  get_target_property(type ${target} TYPE)
  set(items)
  if(NOT imported AND NOT type STREQUAL "INTERFACE_LIBRARY")
    get_target_property(direct ${target} LINK_LIBRARIES)
    if(direct)
      list(APPEND items ${direct})
    endif()
  endif()
  get_target_property(interface ${target} INTERFACE_LINK_LIBRARIES)
  if(interface)
    list(APPEND items ${interface})
  endif()
  set(result)
  foreach(item IN LISTS items)
    if(item MATCHES "^::@")
      continue()
    endif()
    if(item MATCHES "^\\$<LINK_ONLY:(.+)>$")
      set(item "${CMAKE_MATCH_1}")
    endif()
    list(APPEND result "${item}")
  endforeach()
  list(REMOVE_DUPLICATES result)
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

# Walks `target`'s link dependencies breadth first; FATAL_ERROR naming the
# first path to an engine, e.g. "dossierd -> dossier_server -> dossier_ingest
# -> dossier_processors -> PkgConfig::VIPS".
function(dossier_require_engine_free target)
  set(queue ${target})
  set(seen ${target})
  string(MAKE_C_IDENTIFIER "${target}" key)
  set(path_${key} "${target}")
  while(queue)
    list(POP_FRONT queue current)
    string(MAKE_C_IDENTIFIER "${current}" current_key)
    set(current_path "${path_${current_key}}")
    if(NOT TARGET ${current})
      continue()
    endif()
    dossier_linked_items(${current} items)
    foreach(item IN LISTS items)
      set(item_path "${current_path} -> ${item}")
      if(item IN_LIST DOSSIER_ENGINE_TARGETS OR item MATCHES "${DOSSIER_ENGINE_FILE_REGEX}")
        # The path on a line of its own, indented: CMake does not wrap it.
        message(FATAL_ERROR "${target} must not link a document engine, but links one:\n"
                            "  ${item_path}\n")
      endif()
      if(NOT item IN_LIST seen)
        list(APPEND seen "${item}")
        list(APPEND queue "${item}")
        string(MAKE_C_IDENTIFIER "${item}" item_key)
        set(path_${item_key} "${item_path}")
      endif()
    endforeach()
  endwhile()
endfunction()
