// rules_compiler's own (empty) compiled catalogue: it writes the real one
// from the TOML and never calls Catalogue::builtin().
#include <cstddef>

namespace sparkmigrate::analysis {
extern const char kCompiledCatalogue[];
extern const std::size_t kCompiledCatalogueSize;
const char kCompiledCatalogue[] = "";
const std::size_t kCompiledCatalogueSize = 0;
}  // namespace sparkmigrate::analysis
