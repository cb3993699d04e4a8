// Starts fetching and compiling the checks as soon as the parser reaches
// this script in the page's head, before the modules have run: app.js
// hands these promises to load(), and falls back to load(url) if they
// fail. A classic script, not a module: modules wait for the whole page
// and their imports, and compiling 7.5 MB of WebAssembly while they load
// gains the time between the download's end and the page's DOM ready.
//
// The word tables are fetched once the compile is done, not beside it:
// the first answer does not wait for them (a name holding a listed word
// is checked again when they are in), and their download and
// decompression took CPU from the compile on a 2-core machine (the .wasm
// in 100–200 ms later, the first answer 20–50 ms later, medians of two
// alternating runs of BenchmarkPageStart, examples/web/README.md).
"use strict";
globalThis.beianStart = {
  // When the script ran and when the compile finished (performance.now()):
  // the page's timing (beianTiming) reports them.
  at: performance.now(),
  compiled: 0,
  module: WebAssembly.compileStreaming(fetch("beian/beian.wasm")).then((m) => {
    globalThis.beianStart.compiled = performance.now();
    return m;
  }),
};
globalThis.beianStart.lexicon = globalThis.beianStart.module
  .catch(() => {}) // the tables are fetched whether or not the compile worked
  .then(() => fetch("beian/beian-lexicon.bin"))
  .then((r) => {
    if (!r.ok) throw new Error(`beian: fetching the word tables: ${r.status}`);
    return r.arrayBuffer();
  });
// app.js reports a failure; a rejection nobody awaited is not an error.
globalThis.beianStart.module.catch(() => {});
globalThis.beianStart.lexicon.catch(() => {});
