#include "commands/cli.hpp"

int main(int argc, char** argv) {
  return psoas::run_cli(argc, argv);
}
