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
// (?wasm=…, relative to this file), and, at the same time, the module's
// memory image (./beian-data.bin, or ?data=…), which it reads into an
// ArrayBuffer here too (its decompression off the page's thread: fetched
// by the page, it cost the page's thread 65–145 ms of CPU;
// examples/web/README.md, "Round 9"); and posts one message, the image
// transferred:
//
//	{type: "compiled", module, data, compiled, wasmStart, wasmEnd, cached} or {type: "compiled", error}
//
// data is null if its fetch failed (the page then fetches it itself).
// compiled, wasmStart and wasmEnd in ms since the Unix epoch
// (performance.timeOrigin + performance.now()): when the compile was done,
// and the fetch's start and last byte (resource timing); cached, whether
// the bytes came from the HTTP cache (a 304 or no transfer).
"use strict";
const query = new URL(self.location.href).searchParams;
const wasmURL = new URL(query.get("wasm") ?? "./beian.wasm", self.location.href);
const dataURL = new URL(query.get("data") ?? "./beian-data.bin", self.location.href);
const data = fetch(dataURL).then((r) => {
  if (!r.ok) throw new Error(`fetching ${dataURL}: ${r.status} ${r.statusText}`);
  return r.arrayBuffer();
});
data.catch(() => {}); // the page fetches it if this failed
WebAssembly.compileStreaming(fetch(wasmURL))
  .catch(async () => {
    // A server without the application/wasm type: compile the bytes.
    const response = await fetch(wasmURL);
    if (!response.ok) throw new Error(`fetching ${wasmURL}: ${response.status} ${response.statusText}`);
    return WebAssembly.compile(await response.arrayBuffer());
  })
  .then(async (module) => {
    const compiled = performance.timeOrigin + performance.now();
    const entry = performance.getEntriesByType("resource").find((e) => e.name === wasmURL.href);
    const at = (t) => (entry && t ? performance.timeOrigin + t : 0);
    const image = await data.catch(() => null);
    postMessage({
      type: "compiled", module, data: image, compiled,
      wasmStart: at(entry?.startTime), wasmEnd: at(entry?.responseEnd), cached: entry ? entry.transferSize < 1000 : false,
    }, image ? [image] : []);
  }, (err) => postMessage({ type: "compiled", error: String(err?.message ?? err) }));
