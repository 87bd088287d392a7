# Writes BuiltInMigrations() with every schemas/V<n>__<name>.sql, in order.
# Run at build time: cmake -DSCHEMAS=dir -DOUTPUT=file -P EmbedMigrations.cmake
file(GLOB files "${SCHEMAS}/V*__*.sql")
list(SORT files COMPARE NATURAL)
set(body "")
foreach(file IN LISTS files)
  get_filename_component(base "${file}" NAME_WE)
  string(REGEX MATCH "^V([0-9]+)__(.+)$" match "${base}")
  math(EXPR version "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  file(READ "${file}" sql)
  string(APPEND body "      {${version}, \"${name}\", R\"dossier_sql(${sql})dossier_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from schemas/V*.sql; do not edit.
#include \"store/db/Migrations.h\"

namespace dossier {

const std::vector<Migration>& BuiltInMigrations() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace dossier
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
