#include "commands/cli.hpp"
#include "ui/printed_card.hpp"

// psoas with cairo and pango: psoas hands it the commands that draw pictures.
int main(int argc, char** argv) {
  int status = 0;
  {
    const psoas::CairoPictures pictures;
    status = psoas::run_cli(argc, argv, {&pictures, nullptr});
  }
  return status;
}
