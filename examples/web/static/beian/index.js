// The beian checks as an ES module: load the WebAssembly build once, then
// validate filings synchronously, in the browser or in Node (>= 20).
//
//   import { load } from "@icpcheck/beian";
//   const beian = await load(new URL("./beian.wasm", import.meta.url));
//   const report = beian.validate(filing, "en");
//
// The report is the object `icpcheck --json` prints for the filing (see
// index.d.ts); a filing that cannot be decoded gives a DecodeFailure
// instead. Nothing is thrown for a bad filing.

import "./wasm_exec.js"; // Go's support file: defines globalThis.Go

/** The default location of the WebAssembly build: beside this module. */
export const defaultURL = new URL("./beian.wasm", import.meta.url);

/**
 * The name of the word tables file the build loads, beside the .wasm: the
 * build leaves the name matcher's lexicon out of the .wasm (0.7 MB
 * gzipped). load starts fetching it with the .wasm but does not wait for
 * it: the tables are needed only when a site name holds a listed word.
 */
export const lexiconFile = "beian-lexicon.bin";

async function bytesOf(source) {
  source = await source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  const url = new URL(String(source), globalThis.location?.href ?? defaultURL);
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`beian: fetching ${url}: ${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The name of the build's memory image beside the .wasm: the build takes
 * the module's data segments out of it (V8 decodes every byte of a module
 * as it streams in, and the 4 MB of data took a third of the compile's
 * CPU), and load fetches them beside the .wasm and writes them into the
 * instance's memory before the program starts.
 */
export const dataFile = "beian-data.bin";

// The data file's first bytes, and the module's custom section holding
// the identity of its own data file (examples/web/internal/wasmbuild,
// SplitData).
const dataMagic = "beiandat";
const dataSection = "beian.data";

// beside is the URL of the file name beside a given source of the build.
function beside(source, name) {
  if (typeof source === "string" || source instanceof URL) {
    return new URL(name, new URL(String(source), globalThis.location?.href ?? defaultURL));
  }
  if (typeof Response !== "undefined" && source instanceof Response && source.url) {
    return new URL(name, source.url);
  }
  return new URL(name, defaultURL);
}

// instantiate resolves to {module, instance}.
async function instantiate(source, imports) {
  source = await source;
  if (source instanceof WebAssembly.Module) {
    return { module: source, instance: await WebAssembly.instantiate(source, imports) };
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return WebAssembly.instantiate(source, imports);
  }
  // A URL is asked about before Response: in Node, the first mention of
  // Response loads its fetch implementation (about 20 ms of a start that
  // reads a file: URL and never fetches).
  const isURL = typeof source === "string" || source instanceof URL;
  if (!isURL && typeof Response !== "undefined" && source instanceof Response) {
    return WebAssembly.instantiateStreaming(source, imports);
  }
  const url = new URL(String(source), globalThis.location?.href ?? defaultURL);
  if (url.protocol === "file:") {
    // Node: fetch does not read files.
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(url);
    return WebAssembly.instantiate(bytes, imports);
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`beian: fetching ${url}: ${response.status} ${response.statusText}`);
  }
  if (WebAssembly.instantiateStreaming && response.headers.get("Content-Type")?.startsWith("application/wasm")) {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

// applyData writes the data file's segments into the instance's memory,
// if the module's data is in a file of its own (its custom section
// names the file's identity); a file of another build, or a damaged
// one, is an error, never a program started with the wrong memory.
async function applyData(module, instance, data) {
  const want = WebAssembly.Module.customSections(module, dataSection);
  if (want.length === 0) return; // a build with its data inside
  const id = new Uint8Array(want[0]);
  const b = await data;
  const head = dataMagic.length + id.length;
  const damaged = () => new Error(`beian: ${dataFile} is damaged`);
  if (b.length < head || String.fromCharCode(...b.subarray(0, dataMagic.length)) !== dataMagic) throw damaged();
  for (let i = 0; i < id.length; i++) {
    if (b[dataMagic.length + i] !== id[i]) throw new Error(`beian: ${dataFile} is another build's`);
  }
  const mem = new Uint8Array(instance.exports.mem.buffer);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = head; i < b.length; ) {
    if (b.length - i < 8) throw damaged();
    const offset = view.getUint32(i, true);
    const n = view.getUint32(i + 4, true);
    i += 8;
    if (n > b.length - i || offset + n > mem.length) throw damaged();
    mem.set(b.subarray(i, i + n), offset);
    i += n;
  }
}

/**
 * Loads and starts the WebAssembly checks. It resolves as soon as the
 * program runs, without waiting for the word tables (lexicon, by default
 * beian-lexicon.bin beside the .wasm), whose fetch starts at the same
 * time: they are needed only when a site name holds a listed word. A
 * check that needs them before they arrive reports CHECK_UNAVAILABLE for
 * its rule (the report is not complete); `ready` resolves when they are
 * in, and a page checks again then if its last report was not complete.
 * The memory image (data, by default beian-data.bin beside the .wasm) is
 * fetched beside the .wasm and is waited for: the program starts with it.
 * @param {string | URL | Response | ArrayBuffer | Uint8Array | WebAssembly.Module | Promise<WebAssembly.Module>} [source]
 * @param {string | URL | ArrayBuffer | Uint8Array | Promise<ArrayBuffer>} [lexicon]
 * @param {string | URL | ArrayBuffer | Uint8Array | Promise<ArrayBuffer>} [data]
 * @returns {Promise<import("./index.d.ts").Beian>}
 */
export async function load(source = defaultURL, lexicon = beside(source, lexiconFile), data = beside(source, dataFile)) {
  const go = new globalThis.Go();
  // The program reads the tables from globalThis.beianLexicon on the first
  // lookup after they are set (rules/names/internal/lexicon/words_js.go).
  const ready = bytesOf(lexicon).then((words) => {
    globalThis.beianLexicon = words;
  });
  ready.catch(() => {}); // reported to whoever awaits ready
  // Fetched beside the .wasm; waited for only by a build whose data is
  // in a file of its own.
  const dataBytes = bytesOf(data);
  dataBytes.catch(() => {});
  const { module, instance } = await instantiate(source, go.importObject);
  await applyData(module, instance, dataBytes);
  const previous = globalThis.beian;
  // run returns a promise that settles when the Go program exits, which it
  // does not: by the time run returns control, main has defined
  // globalThis.beian and waits for calls.
  const exited = go.run(instance);
  const api = globalThis.beian;
  if (!api || api === previous || typeof api.validate !== "function") {
    await exited;
    throw new Error("beian: the WebAssembly program did not start");
  }
  return {
    version: api.version,
    ready,
    validate(filing, lang = "zh", profile = "") {
      const json = typeof filing === "string" ? filing : JSON.stringify(filing);
      return JSON.parse(api.validate(json, lang === "en" ? "en" : "zh", String(profile ?? "")));
    },
    validateJSON(filingJSON, lang = "zh", profile = "") {
      return api.validate(String(filingJSON), lang === "en" ? "en" : "zh", String(profile ?? ""));
    },
  };
}

/**
 * Starts the checks in a dedicated worker running worker.js (beside this
 * module by default): compiling the .wasm, starting the program and every
 * check then run on the worker's thread, never on the page's, and
 * validate answers a promise. worker is a Worker already running worker.js
 * (a page creates it first thing, and the worker starts loading at once:
 * see start.js of the demo page, with ?worker=1) or the URL of worker.js.
 * Browsers only.
 * Resolves when the program runs, without waiting for the word tables
 * (see ready); rejects if the worker cannot load the checks.
 * @param {Worker | string | URL} [worker]
 * @returns {Promise<import("./index.d.ts").BeianWorker>}
 */
export function loadWorker(worker = new URL("./worker.js", import.meta.url)) {
  if (!(worker instanceof Worker)) worker = new Worker(worker, { type: "module" });
  const pending = new Map();
  let nextID = 0;
  let loaded, ready;
  const loadedP = new Promise((resolve, reject) => { loaded = { resolve, reject }; });
  const readyP = new Promise((resolve, reject) => { ready = { resolve, reject }; });
  readyP.catch(() => {}); // reported to whoever awaits ready
  const fail = (err) => {
    loaded.reject(err);
    ready.reject(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.addEventListener("message", ({ data }) => {
    switch (data?.type) {
      case "loaded":
        if (data.error) fail(new Error(`beian: the worker could not load the checks: ${data.error}`));
        else loaded.resolve(data);
        return;
      case "ready":
        if (data.error) ready.reject(new Error(`beian: the word tables: ${data.error}`));
        else ready.resolve();
        return;
      case "result": {
        const p = pending.get(data.id);
        if (!p) return;
        pending.delete(data.id);
        if (data.error) p.reject(new Error(`beian: ${data.error}`));
        else p.resolve({ json: data.json, ms: data.ms });
      }
    }
  });
  worker.addEventListener("error", (e) => fail(new Error(`beian: the worker failed: ${e.message ?? "loading worker.js"}`)));
  worker.postMessage({ type: "hello" });
  const call = (json, lang, profile = "") => new Promise((resolve, reject) => {
    const id = nextID++;
    pending.set(id, { resolve, reject });
    worker.postMessage({ type: "validate", id, json: String(json), lang: lang === "en" ? "en" : "zh", profile: String(profile ?? "") });
  });
  return loadedP.then((hello) => ({
    version: hello.version,
    ready: readyP,
    timing: hello.timing,
    worker,
    async validate(filing, lang = "zh", profile = "") {
      const json = typeof filing === "string" ? filing : JSON.stringify(filing);
      return JSON.parse((await call(json, lang, profile)).json);
    },
    async validateJSON(filingJSON, lang = "zh", profile = "") {
      return (await call(filingJSON, lang, profile)).json;
    },
    validateTimed: call,
    terminate() {
      worker.terminate();
      fail(new Error("beian: the worker was terminated"));
    },
  }));
}

/** Whether a result is a report (and not a decoding failure). */
export function isReport(result) {
  return result != null && typeof result.ok === "boolean";
}
