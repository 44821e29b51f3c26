#include "remind/notify_helper.hpp"

int main(int argc, char** argv) {
  return psoas::run_notify_helper(argc, argv);
}
