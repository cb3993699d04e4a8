// Starts the checks as soon as the parser reaches this script in the
// page's head, before the page's modules have run: a dedicated worker
// (beian/worker.js) fetches and compiles the .wasm, starts the Go program
// and then answers the page's checks, all on its own thread. app.js hands
// the worker to loadWorker(), and falls back to load(url) on the page's
// thread if a module worker cannot be had.
//
// A classic script, not a module: modules wait for the whole page and
// their imports. The worker, not this page, fetches the .wasm: in the
// page, V8 reads the streamed bytes, compiles each function at its first
// call and runs the program's start on the page's one thread, after the
// parsing and layout the page needs too; in the worker they run beside
// them (examples/web/README.md, "Round 4").
"use strict";
globalThis.beianStart = {
  // When the script ran (performance.now()): the page's timing reports it.
  at: performance.now(),
  worker: null,
  error: null,
};
try {
  globalThis.beianStart.worker = new Worker("beian/worker.js", { type: "module" });
} catch (err) {
  globalThis.beianStart.error = err; // app.js loads the checks on the page's thread
}
