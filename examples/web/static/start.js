// Starts the checks as soon as the parser reaches this script in the
// page's head, before the page's modules have run: a dedicated worker
// (beian/worker.js) starts the Go program and then answers the page's
// checks on its own thread, while this script fetches and compiles the
// .wasm for it (compileStreaming here, at once, rather than in the worker
// once it has started and fetched its own modules) and hands the module
// over. app.js hands the worker to loadWorker(), and falls back to
// load(url) on the page's thread if a module worker cannot be had.
//
// A classic script, not a module: modules wait for the whole page and
// their imports. The program's start and its first check (V8 compiles
// each function at its first call) run in the worker, beside the parsing
// and layout the page needs, not after them on the page's one thread
// (examples/web/README.md, "Round 4").
"use strict";
globalThis.beianStart = {
  // When the script ran and when the compile was done (performance.now()):
  // the page's timing reports them.
  at: performance.now(),
  compiled: 0,
  worker: null,
  error: null,
};
try {
  const worker = new Worker("beian/worker.js?from=page", { type: "module" });
  globalThis.beianStart.worker = worker;
  WebAssembly.compileStreaming(fetch("beian/beian.wasm"))
    .then((module) => {
      globalThis.beianStart.compiled = performance.now();
      worker.postMessage({ type: "wasm", module });
    })
    .catch((err) => worker.postMessage({ type: "wasm", error: String(err?.message ?? err) }));
} catch (err) {
  globalThis.beianStart.error = err; // app.js loads the checks on the page's thread
}
