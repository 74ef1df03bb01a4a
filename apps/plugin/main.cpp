#include "apps/plugin/plugin_process.h"

int main(int argc, char** argv) { return sb::plugin::runPluginProcess(argc, argv); }
