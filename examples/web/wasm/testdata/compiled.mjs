// compiled.mjs PACKAGE_DIR WASM FILE...: run under node
// --trace-wasm-compilation-times, it marks the phases of a page's life in
// V8's log of the functions it compiles: "=== start" (the package's import
// and load: the program's start), "=== first" (the first answer, for
// FILE[0], before the word tables are in), "=== later" (every FILE in zh
// and en once the tables are in). V8 compiles a function (Liftoff) at its
// first call, on the calling thread: the body bytes compiled in a phase
// are work that phase waits for, and, unlike its time, do not depend on
// the machine's load (BenchmarkNodeCompiled).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [dir, wasm, ...files] = process.argv.slice(2);
console.log("=== start");
const { load } = await import(pathToFileURL(join(dir, "index.js")).href);
const beian = await load(pathToFileURL(wasm));
console.log("=== first");
beian.validateJSON(readFileSync(files[0], "utf8"), "zh");
await beian.ready;
console.log("=== later");
for (const file of files) {
  const data = readFileSync(file, "utf8");
  beian.validateJSON(data, "zh");
  beian.validateJSON(data, "en");
}
console.log("=== end");
