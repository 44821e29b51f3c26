#pragma once

#include "audio/track.hpp"
#include "commands/command_line.hpp"
#include "ui/pictures.hpp"

// The commands that need a large library are handed to a companion program
// that links it (the same arguments, by exec), so that every other command
// starts without loading it.
namespace psoas {

// What draws pictures for this process: psoas-print's own, or, in psoas,
// nothing: then the command line is handed to psoas-print, which links cairo
// and pango. Throws Error when it is not installed.
const PictureMaker& picture_maker(const CommandLine& line);

// What makes audio tracks: psoas-audio's own, or, in psoas, nothing: then the
// command line is handed to psoas-audio, which links espeak-ng and libsndfile.
const AudioMaker& audio_maker(const CommandLine& line);

}  // namespace psoas
