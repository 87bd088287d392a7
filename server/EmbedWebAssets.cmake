# Writes BuiltInWebFiles() with the bytes of every file under server/web but
# the C++ and CMake ones (the pages, their styles, scripts and images), so
# that dossierd serves them with no file beside it. Bytes go in as hex arrays:
# any content is safe, images included.
# Run at build time: cmake -DWEB_DIR=dir -DOUTPUT=file -P EmbedWebAssets.cmake
set(files "")
if(IS_DIRECTORY "${WEB_DIR}")
  file(GLOB_RECURSE files RELATIVE "${WEB_DIR}" "${WEB_DIR}/*")
endif()
list(FILTER files EXCLUDE REGEX "\\.(cpp|h|cmake)$")
list(FILTER files EXCLUDE REGEX "(^|/)\\.")  # hidden files, editors' swap files
list(FILTER files EXCLUDE REGEX "~$")
list(SORT files)

string(REPEAT "[0-9a-f]" 32 sixteen_bytes)
set(arrays "")
set(table "")
set(index 0)
foreach(path IN LISTS files)
  if(NOT path MATCHES "^[A-Za-z0-9._/-]+$")
    message(WARNING "server/web/${path} is not embedded: name it with A-Z a-z 0-9 . _ - only")
    continue()
  endif()
  file(READ "${WEB_DIR}/${path}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  if(size EQUAL 0)
    set(bytes "0")
  else()
    string(REGEX REPLACE "(${sixteen_bytes})" "\\1\n" hex "${hex}")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  endif()
  string(APPEND arrays "const unsigned char kFile${index}[] = {\n${bytes}\n};\n")
  string(APPEND table "      {\"${path}\", Bytes(kFile${index}, ${size}), {}},\n")
  math(EXPR index "${index} + 1")
endforeach()

file(WRITE "${OUTPUT}.tmp" "// Generated from server/web by server/EmbedWebAssets.cmake; do not edit.
#include \"server/web/WebAssets.h\"

namespace dossier {
namespace {

[[maybe_unused]] std::string_view Bytes(const unsigned char* bytes, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(bytes), size);
}

${arrays}
}  // namespace

std::vector<WebAsset> BuiltInWebFiles() {
  return {
${table}  };
}

}  // namespace dossier
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
