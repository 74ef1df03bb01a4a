#pragma once

namespace sb::plugin {

// The plugin process's whole life: check --plugin-type, find the channel, engage the sandbox, say
// Hello, then host instances and animate them until the browser lets go. Returns the exit code
// (2 for a bad command line).
int runPluginProcess(int argc, char** argv);

}  // namespace sb::plugin
