// run.mjs PACKAGE_DIR WASM FILE...: loads the beian JS package from
// PACKAGE_DIR with the WebAssembly build WASM and prints, for each FILE,
// one JSON line {file, zh, en} with the reports' JSON as validate gives
// them; then a last line {timing: {...}} with the start to first answer
// (without waiting for the word tables, as a page answers), the time the
// word tables were in (tables_ready) and the later checks' times, in
// milliseconds (first_cpu: the process's CPU time to the first answer,
// all threads, V8's compiler included).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [dir, wasm, ...files] = process.argv.slice(2);
const start = performance.now();
const cpu0 = process.cpuUsage();
const { load } = await import(pathToFileURL(join(dir, "index.js")).href);
const beian = await load(pathToFileURL(wasm));
const loaded = performance.now();
// The first answer, as a page gets it: load does not wait for the word
// tables, which only a name holding a listed word needs (such a check
// says CHECK_UNAVAILABLE until they are in).
let first = 0;
let firstCPU = 0;
if (files.length) {
  beian.validateJSON(readFileSync(files[0], "utf8"), "zh");
  first = performance.now() - start;
  const c = process.cpuUsage(cpu0);
  firstCPU = (c.user + c.system) / 1000;
}
// The reports compared with the native ones come once the tables are in
// (with another edition's tables, ready resolves and the checks that need
// them stay unavailable).
await beian.ready;
const ready = performance.now() - start;
for (const file of files) {
  const data = readFileSync(file, "utf8");
  const zh = beian.validateJSON(data, "zh");
  const en = beian.validateJSON(data, "en");
  console.log(JSON.stringify({ file, zh, en }));
}
// Later checks: every file again, now that each code path has run once.
const later = [];
for (const file of files) {
  const data = readFileSync(file, "utf8");
  const t0 = performance.now();
  beian.validateJSON(data, "zh");
  later.push(performance.now() - t0);
}
later.sort((a, b) => a - b);
const q = (p) => later[Math.min(later.length - 1, Math.floor(p * later.length))];
console.log(JSON.stringify({ timing: {
  load: loaded - start, first, first_cpu: firstCPU, tables_ready: ready, version: beian.version,
  later_min: later[0], later_median: q(0.5), later_max: later[later.length - 1],
} }));
