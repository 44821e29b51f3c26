#pragma once

#include "commands/command_line.hpp"
#include "ui/pictures.hpp"

namespace psoas {

// What draws pictures for this process: psoas-print's own, or, in psoas,
// nothing: then the command line is handed to psoas-print (the same
// arguments, by exec), which links cairo and pango. Throws Error when it
// is not installed.
const PictureMaker& picture_maker(const CommandLine& line);

}  // namespace psoas
