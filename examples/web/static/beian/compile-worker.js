// Compiles the WebAssembly checks off the page's thread and hands the
// module to the page, which starts the program and runs every check on
// its own thread (index.js's load takes the module). A classic script,
// with no imports, so that the worker's fetch starts as soon as its
// thread runs.
//
// Streaming compilation decodes the bytes as they arrive, on the thread
// that asked for it: here, that is this worker's, so the page's thread
// parses, lays out and runs its scripts meanwhile and is free once the
// module is in (examples/web/README.md, "Round 7"). A WebAssembly.Module
// posted to the page shares its compiled code: nothing is compiled twice.
//
// It fetches ./beian.wasm beside this file, or the URL in its query
// (?wasm=…, relative to this file), and posts one message:
//
//	{type: "compiled", module, compiled, wasmStart, wasmEnd, cached} or {type: "compiled", error}
//
// compiled, wasmStart and wasmEnd in ms since the Unix epoch
// (performance.timeOrigin + performance.now()): when the compile was done,
// and the fetch's start and last byte (resource timing); cached, whether
// the bytes came from the HTTP cache (a 304 or no transfer).
"use strict";
const wasmURL = new URL(new URL(self.location.href).searchParams.get("wasm") ?? "./beian.wasm", self.location.href);
WebAssembly.compileStreaming(fetch(wasmURL))
  .catch(async () => {
    // A server without the application/wasm type: compile the bytes.
    const response = await fetch(wasmURL);
    if (!response.ok) throw new Error(`fetching ${wasmURL}: ${response.status} ${response.statusText}`);
    return WebAssembly.compile(await response.arrayBuffer());
  })
  .then((module) => {
    const compiled = performance.timeOrigin + performance.now();
    const entry = performance.getEntriesByType("resource").find((e) => e.name === wasmURL.href);
    const at = (t) => (entry && t ? performance.timeOrigin + t : 0);
    postMessage({
      type: "compiled", module, compiled,
      wasmStart: at(entry?.startTime), wasmEnd: at(entry?.responseEnd), cached: entry ? entry.transferSize < 1000 : false,
    });
  }, (err) => postMessage({ type: "compiled", error: String(err?.message ?? err) }));
