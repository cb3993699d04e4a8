// The beian checks in a dedicated worker, for loadWorker (index.js): the
// .wasm is compiled, the Go program started and every check run on the
// worker's thread, so that none of it holds up the page's (parsing,
// layout, typing).
//
// It starts loading as soon as it runs, from the URLs in its own query
// (?wasm=…&lexicon=…&data=…, relative to this file) or, by default,
// beian.wasm, beian-lexicon.bin and beian-data.bin beside it: a page can
// create it first thing, before its own modules run.
//
// Messages, page → worker:
//
//	{type: "hello"}                          → {type: "loaded", version, timing} or {type: "loaded", error},
//	                                           then {type: "ready"} or {type: "ready", error} (the word tables)
//	{type: "validate", id, json, lang, profile} → {type: "result", id, json, ms} or {type: "result", id, error}
//
// timing holds, in ms since the Unix epoch (performance.timeOrigin +
// performance.now(): the page subtracts its own origin): wasmStart and
// wasmEnd (the .wasm's fetch started and its last byte in, resource
// timing), compiled (compileStreaming done),
// started (the Go program started: its package inits run), fetches (how
// many times this worker fetched the .wasm) and cached (whether the last
// fetch came from the HTTP cache). ms is the WebAssembly call's own time.

const query = new URL(self.location.href).searchParams;
const wasmURL = new URL(query.get("wasm") ?? "./beian.wasm", self.location.href);
const lexiconURL = new URL(query.get("lexicon") ?? "./beian-lexicon.bin", self.location.href);
const dataURL = new URL(query.get("data") ?? "./beian-data.bin", self.location.href);
const now = () => performance.timeOrigin + performance.now();

// The .wasm's fetch and compile start first thing, before this module's
// imports are fetched (a static import would wait for them). The word
// tables are fetched once the compile is done, not beside it: the first
// answer does not wait for them, and their download and decompression
// would take CPU from the compile (measured in round 3 for the page, whose
// start.js did the same).
function compileFetched() {
  return WebAssembly.compileStreaming(fetch(wasmURL)).catch(async () => {
    // A server without the application/wasm type: compile the bytes.
    const response = await fetch(wasmURL);
    if (!response.ok) throw new Error(`fetching ${wasmURL}: ${response.status} ${response.statusText}`);
    return WebAssembly.compile(await response.arrayBuffer());
  });
}

let compiledAt = 0;
const compiled = compileFetched()
  .then((m) => {
    compiledAt = now();
    return m;
  });
const lexicon = compiled
  .catch(() => {}) // the tables are fetched whether or not the compile worked
  .then(() => fetch(lexiconURL))
  .then((r) => {
    if (!r.ok) throw new Error(`fetching ${lexiconURL}: ${r.status} ${r.statusText}`);
    return r.arrayBuffer();
  });
lexicon.catch(() => {}); // reported through ready
// The module's memory image, beside the compile: load waits for it.
const data = fetch(dataURL).then((r) => {
  if (!r.ok) throw new Error(`fetching ${dataURL}: ${r.status} ${r.statusText}`);
  return r.arrayBuffer();
});
data.catch(() => {}); // reported through load
const started = import("./index.js")
  .then(({ load }) => load(compiled, lexicon, data))
  .then((beian) => ({ beian, at: now() }));
started.catch(() => {}); // reported to whoever says hello

function wasmTiming() {
  const entries = performance.getEntriesByType("resource").filter((e) => e.name === wasmURL.href);
  const last = entries[entries.length - 1];
  return {
    wasmStart: last ? performance.timeOrigin + last.startTime : 0,
    wasmEnd: last ? performance.timeOrigin + last.responseEnd : 0,
    fetches: entries.length,
    cached: last ? last.transferSize < 1000 : false,
  };
}

function errorText(err) {
  return String(err?.message ?? err);
}

self.onmessage = async ({ data }) => {
  switch (data?.type) {
    case "hello": {
      let s;
      try {
        s = await started;
      } catch (err) {
        self.postMessage({ type: "loaded", error: errorText(err) });
        return;
      }
      self.postMessage({ type: "loaded", version: s.beian.version, timing: { ...wasmTiming(), compiled: compiledAt, started: s.at } });
      s.beian.ready.then(
        () => self.postMessage({ type: "ready" }),
        (err) => self.postMessage({ type: "ready", error: errorText(err) }),
      );
      return;
    }
    case "validate": {
      let s;
      try {
        s = await started;
      } catch (err) {
        self.postMessage({ type: "result", id: data.id, error: errorText(err) });
        return;
      }
      const t0 = performance.now();
      const json = s.beian.validateJSON(String(data.json), data.lang === "en" ? "en" : "zh", String(data.profile ?? ""));
      self.postMessage({ type: "result", id: data.id, json, ms: performance.now() - t0 });
      return;
    }
  }
};
