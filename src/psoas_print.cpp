#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "commands/cli.hpp"
#include "ui/printed_card.hpp"

// psoas with cairo and pango: psoas hands it the commands that draw pictures.
int main(int argc, char** argv) {
  int status = 0;
  {
    const psoas::CairoPictures pictures;
    status = psoas::run_cli(argc, argv, &pictures);
  }
  // Fonts let go of, so that LeakSanitizer sees only what psoas leaks: fontconfig's
  // caches otherwise look leaked.
  pango_cairo_font_map_set_default(nullptr);
  FcFini();
  return status;
}
