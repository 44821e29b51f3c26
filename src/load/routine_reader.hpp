#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/diagnostic.hpp"
#include "load/source.hpp"
#include "load/yaml_tree.hpp"
#include "model/routine.hpp"

namespace psoas {

// A `use` step as written, for the loader to resolve.
struct UseReference {
  std::size_t step = 0;  // index into Routine::steps
  SourcePosition position;
};

// A figure a step names, for the loader to find when it draws.
struct FigureReference {
  std::size_t step = 0;  // index into Routine::steps
  std::string name;
  Side side = Side::none;  // the side it is for, or none for every side
  SourcePosition position;
};

struct ReadRoutine {
  Routine routine;  // complete only when `diagnostics` holds no error
  std::vector<Diagnostic> diagnostics;
  std::vector<UseReference> uses;
  std::vector<FigureReference> figures;
  std::optional<SourcePosition> name_position;  // where `name` is given, if it is
  SourcePosition steps_position;
};

// At most this many errors are reported for one file.
inline constexpr std::size_t kMaxErrorsPerFile = 100;

// Checks a parsed YAML tree against the routine format and builds the routine:
// every key known, no key twice, every value of the right type, and each
// step's `defaults` applied. `use` steps are left for the loader to resolve.
ReadRoutine read_routine(const SourceText& source, const YamlTree& tree);

}  // namespace psoas
