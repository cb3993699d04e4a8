// Starts the checks as soon as the parser reaches this script, first in
// the page's head, before the page's modules have run (modules wait for
// the whole page and their imports, and this is a classic script).
//
// By default it fetches and compiles the .wasm (compileStreaming) while
// the page parses, then fetches the word tables once the compile is done
// (the first answer does not wait for them, and their download and
// decompression took CPU from the compile); app.js hands these promises
// to load(), and falls back to load(url) if they fail. With ?worker=1 it
// creates the checks' dedicated worker instead (beian/worker.js: it
// fetches and compiles the .wasm, starts the program and runs every check
// on its own thread) and app.js hands it to loadWorker(). The page's
// thread is measured as fast to the first answer on the 2-core machine
// and faster on a second visit, so it is the default
// (examples/web/README.md, "Round 4").
"use strict";
globalThis.beianStart = {
  // When the script ran and when the compile was done (performance.now()):
  // the page's timing reports them.
  at: performance.now(),
  compiled: 0,
  module: null,
  lexicon: null,
  worker: null,
};
if (new URLSearchParams(location.search).get("worker") === "1") {
  try {
    globalThis.beianStart.worker = new Worker("beian/worker.js", { type: "module" });
  } catch {
    // No module workers: app.js loads the checks on the page's thread.
  }
} else {
  const s = globalThis.beianStart;
  s.module = WebAssembly.compileStreaming(fetch("beian/beian.wasm")).then((m) => {
    s.compiled = performance.now();
    return m;
  });
  s.lexicon = s.module
    .catch(() => {}) // the tables are fetched whether or not the compile worked
    .then(() => fetch("beian/beian-lexicon.bin"))
    .then((r) => {
      if (!r.ok) throw new Error(`beian: fetching the word tables: ${r.status}`);
      return r.arrayBuffer();
    });
  // app.js reports a failure; a rejection nobody awaited is not an error.
  s.module.catch(() => {});
  s.lexicon.catch(() => {});
}
