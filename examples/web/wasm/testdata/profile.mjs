// profile.mjs PACKAGE_DIR WASM FILE: loads the beian JS package and prints
// one JSON line {profile, json} for FILE's English report under each
// provider profile argument the package takes (none, "", each profile, an
// unknown name, null), through validateJSON: the page's way of choosing
// a provider console.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [dir, wasm, file] = process.argv.slice(2);
const { load } = await import(pathToFileURL(join(dir, "index.js")).href);
const beian = await load(pathToFileURL(wasm));
await beian.ready;
const data = readFileSync(file, "utf8");
console.log(JSON.stringify({ profile: "(none)", json: beian.validateJSON(data, "en") }));
for (const profile of ["", "tencent", "aliyun", "huawei", "no-such-console", null]) {
  console.log(JSON.stringify({ profile: profile === null ? "(null)" : profile, json: beian.validateJSON(data, "en", profile) }));
}
