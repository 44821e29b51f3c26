#pragma once

namespace psoas {

class PictureMaker;
class AudioMaker;

// What the companion programs bring: psoas-print draws the printed card and
// figure pictures, psoas-audio makes audio tracks. psoas brings neither and
// hands the commands that need them to those programs.
struct Makers {
  const PictureMaker* pictures = nullptr;
  const AudioMaker* audio = nullptr;
};

// The whole command line: parses argv, runs the subcommand, and turns any
// Error into a message and an exit status.
int run_cli(int argc, char** argv, Makers makers = {});

}  // namespace psoas
