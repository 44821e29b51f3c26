#pragma once

namespace psoas {

// The whole command line: parses argv, runs the subcommand, and turns any
// Error into a message and an exit status.
int run_cli(int argc, char** argv);

}  // namespace psoas
