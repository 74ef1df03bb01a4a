#pragma once

namespace sb::renderer {

// `sandbrowser-renderer --zygote`: start up once, then fork a renderer for each request on the
// channel, reap them and report how each ended. Returns when the browser's end closes.
int runZygote(int argc, char** argv);

}  // namespace sb::renderer
