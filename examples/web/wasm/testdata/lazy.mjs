// lazy.mjs PACKAGE_DIR WASM LEXICON FILE: loads the beian JS package with
// word tables that arrive only when the script hands them over, and prints
// one JSON line {before, after}: FILE's Chinese report before the tables
// are in and after ready resolved.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [dir, wasm, lexicon, file] = process.argv.slice(2);
const { load } = await import(pathToFileURL(join(dir, "index.js")).href);
let handOver;
const tables = new Promise((resolve) => { handOver = resolve; });
const beian = await load(pathToFileURL(wasm), tables);
const data = readFileSync(file, "utf8");
const before = beian.validateJSON(data, "zh");
handOver(readFileSync(lexicon));
await beian.ready;
const after = beian.validateJSON(data, "zh");
console.log(JSON.stringify({ before, after }));
