// Built only with PSOAS_SANITIZE, into the programs that draw with pango.
//
// fontconfig keeps its font caches until the process ends, which LeakSanitizer
// reports as leaks. Its FcFini() would free them but asserts when pango or cairo
// still hold a font, which they do until exit; so the caches are named here
// instead, and only they: a leak in psoas's own code still fails.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_options();

extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

// Quiet about it: the programs' stderr is compared in the tests.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
