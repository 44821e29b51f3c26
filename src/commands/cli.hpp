#pragma once

namespace psoas {

class PictureMaker;

// The whole command line: parses argv, runs the subcommand, and turns any
// Error into a message and an exit status. `pictures` draws the printed card
// and figure pictures: psoas-print gives its own; psoas gives none, and hands
// the commands that draw to psoas-print.
int run_cli(int argc, char** argv, const PictureMaker* pictures = nullptr);

}  // namespace psoas
