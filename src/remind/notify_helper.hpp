#pragma once

// psoas-notify: the one program that speaks D-Bus, so that psoas itself
// starts without loading the libraries for it.
//
//   psoas-notify SUMMARY BODY KEY=LABEL... -- COMMAND ARG...
//
// It shows a desktop notification with a button for each KEY=LABEL, and
// writes one line to standard output: "shown ID", or "unshown: WHY" when
// there is no session bus or no notification service. Then it closes its
// output and waits, at most half an hour, for a button: when one is pressed
// it runs COMMAND ARG... KEY in its place; when the notification is closed,
// or the time is up, or the bus goes away, it exits 0.
namespace psoas {

int run_notify_helper(int argc, char** argv);

}  // namespace psoas
