// The subcommands of the sparkmigrate binary. Each returns the process exit
// code: 0 clean, 1 findings (or files that could not be checked), 2 usage or
// configuration error.
//
// To add a new subcommand:
//   1. Implement `int runX(int argc, char** argv)` in cli/x_command.cpp.
//   2. Register it in kCommands in main.cpp with a one-line summary.
//   3. Document it in README.md and test it in test/cli/.
#pragma once

namespace sparkmigrate::cli {

inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

int runCheck(int argc, char** argv);
int runRule(int argc, char** argv);

}  // namespace sparkmigrate::cli
