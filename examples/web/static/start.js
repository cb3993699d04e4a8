// Starts the checks as soon as the parser reaches this script, first in
// the page's head, before the page's modules have run (modules wait for
// the whole page and their imports, and this is a classic script).
//
// By default it creates the compile worker (beian/compile-worker.js), which
// fetches and compiles the .wasm (compileStreaming) while the page parses
// and posts the module here: the streaming compile decodes the bytes on
// the thread that asked for it, and that is then the worker's, so the
// page's thread is free to parse and lay out meanwhile, and once the
// module is in, only starting the program and the checks are left to it
// (the page thread's CPU to the first answer went from about 430 to 230
// ms: examples/web/README.md, "Round 7"). The program and every check run
// on the page's thread. Without a worker (or if it fails) the page
// compiles the .wasm itself. The compile worker fetches the module's
// memory image (beian-data.bin) beside the .wasm and posts it with the
// module (or the page fetches it, without the worker); once the module is in, it
// fetches the word tables (the first answer does not wait for them, and
// their download and decompression took CPU from the compile); app.js
// hands these promises to load(), and falls back to load(url) if they
// fail.
//
// With ?worker=1 it creates the checks' dedicated worker instead
// (beian/worker.js: it fetches and compiles the .wasm, starts the program
// and runs every check on its own thread) and app.js hands it to
// loadWorker(). On the 2-core machine the program on the page's thread
// answers first, and it is the default (examples/web/README.md, "Round
// 4").
"use strict";
globalThis.beianStart = {
  // When the script ran and when the compile was done (performance.now()):
  // the page's timing reports them.
  at: performance.now(),
  compiled: 0,
  module: null,
  data: null,
  lexicon: null,
  worker: null,
  workerFailed: null, // resolves when the worker (?worker=1) fails to load
  compiledInWorker: null, // the compile worker's message, when it compiled the module
};
if (new URLSearchParams(location.search).get("worker") === "1") {
  try {
    const w = new Worker("beian/worker.js", { type: "module" });
    globalThis.beianStart.worker = w;
    // A worker that fails to load says so once, in an error event, which
    // may come before app.js runs and listens (when the page parses
    // slowly): it is kept here for app.js.
    globalThis.beianStart.workerFailed = new Promise((resolve) => w.addEventListener("error", resolve, { once: true }));
  } catch {
    // No module workers: app.js loads the checks on the page's thread.
  }
} else {
  const s = globalThis.beianStart;
  // The compile in the compile worker, the program on this thread; the
  // compile on this thread too if the worker cannot be made or fails.
  const onPage = () => WebAssembly.compileStreaming(fetch("beian/beian.wasm"));
  let compiling;
  try {
    const w = new Worker("beian/compile-worker.js");
    compiling = new Promise((resolve, reject) => {
      w.onmessage = ({ data }) => {
        w.terminate();
        if (data.error) {
          reject(new Error(`beian: the compile worker: ${data.error}`));
          return;
        }
        s.compiledInWorker = data; // its timing, for app.js
        resolve(data.module);
      };
      w.onerror = (e) => {
        w.terminate();
        reject(new Error(`beian: the compile worker failed: ${e.message ?? "loading compile-worker.js"}`));
      };
    }).catch((err) => {
      console.warn(err.message, "; compiling on the page");
      return onPage();
    });
  } catch {
    compiling = onPage();
  }
  // The module's memory image: the compile worker fetches it beside the
  // .wasm and posts it with the module (its download and decompression
  // stay off this thread); this page fetches it itself if the worker did
  // not. load waits for it before starting the program.
  const pageData = () => fetch("beian/beian-data.bin").then((r) => {
    if (!r.ok) throw new Error(`beian: fetching the memory image: ${r.status}`);
    return r.arrayBuffer();
  });
  s.data = compiling.then(() => {
    const posted = s.compiledInWorker?.data;
    if (posted) s.compiledInWorker.data = null; // load holds it now
    return posted ?? pageData();
  }, pageData);
  s.module = compiling.then((m) => {
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
  s.data.catch(() => {});
  s.lexicon.catch(() => {});
}
