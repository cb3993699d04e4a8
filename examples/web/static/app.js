// The demo filing form: checks the filing as the user types, with the
// WebAssembly build of the beian checks (./beian), offline, no framework.
import { load, loadWorker, isReport } from "./beian/index.js";

const texts = {
  zh: {
    title: "ICP 备案预检", lede: "在浏览器中检查：输入时即给出审核会驳回的每一个原因。", switch: "English",
    subject: "主办单位", province: "省份", nature: "性质", nature_enterprise: "企业", nature_personal: "个人",
    nature_institution: "事业单位", nature_government: "政府机关", subject_name: "名称", cert_type: "证件类型",
    cert_uscc: "统一社会信用代码证书", cert_id_card: "居民身份证", cert_number: "证件号码", cert_address: "证件地址",
    address: "通信地址", legal_representative: "法定代表人", investor: "投资者或上级主管单位", remark: "备注", principal: "主体负责人", principal_name: "姓名", id_number: "身份证号码",
    mobile: "手机号码", email: "电子邮箱", website: "网站", site_name: "网站名称", site_domain: "网站域名",
    domain_record: "域名记录", domain: "域名", holder_name: "域名持有者", holder_cert_number: "持有者证件号码",
    verified_at: "实名核验日期", expires_at: "到期日期", loading: "正在加载检查程序…", skipped: "未检查的项目",
    skipped_note: "这些检查需要页面没有的信息（备案系统记录、网站在线检测），由服务端完成。",
    documents_note: "文件材料按已上传处理：本表单只演示文字信息的检查。",
    offline: "所有检查都在本页内运行，不发送任何数据。",
    ok: "可以提交", rejected: "将被驳回", incomplete: "（部分检查未运行）",
    counts: (e, w, n) => `错误 ${e}，警告 ${w}，提示 ${n}`,
    error: "错误", warning: "警告", notice: "提示", fix: "修正：", whole: "整个表单",
    undecodable: "无法读取表单数据", failed: "检查程序加载失败：",
  },
  en: {
    title: "ICP filing pre-check", lede: "Checked in your browser as you type: every reason a reviewer would reject the filing.", switch: "中文",
    subject: "Subject", province: "Province", nature: "Nature", nature_enterprise: "Enterprise", nature_personal: "Personal",
    nature_institution: "Public institution", nature_government: "Government body", subject_name: "Name", cert_type: "Certificate",
    cert_uscc: "Unified social credit code", cert_id_card: "Resident ID card", cert_number: "Certificate number", cert_address: "Certificate address",
    address: "Mailing address", legal_representative: "Legal representative", investor: "Investor or superior authority", remark: "Remark", principal: "Principal", principal_name: "Name", id_number: "ID card number",
    mobile: "Mobile", email: "Email", website: "Website", site_name: "Site name", site_domain: "Site domain",
    domain_record: "Domain record", domain: "Domain", holder_name: "Holder", holder_cert_number: "Holder's certificate number",
    verified_at: "Verified on", expires_at: "Expires on", loading: "Loading the checks…", skipped: "Checks not run",
    skipped_note: "These need what a page does not have (the filing system's records, a look at the live site); the server runs them.",
    documents_note: "Documents count as uploaded: this form shows the checks of the text fields.",
    offline: "Every check runs in this page; nothing is sent anywhere.",
    ok: "Can be submitted", rejected: "Would be rejected", incomplete: " (some checks did not run)",
    counts: (e, w, n) => `${e} errors, ${w} warnings, ${n} notices`,
    error: "error", warning: "warning", notice: "notice", fix: "Fix: ", whole: "the whole filing",
    undecodable: "The form's data cannot be read", failed: "The checks did not load: ",
  },
};

const $ = (sel, root = document) => root.querySelector(sel);
const form = $("#filing");
const inputs = [...form.querySelectorAll("[data-path]")];
const byPath = new Map(inputs.map((el) => [el.dataset.path, el]));
let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh";
let beian = null;
let timer = 0;
// The page's timing, in ms (performance.now(): after navigation start),
// for the browser test and the console: app (this module runs), wasmStart
// and wasmEnd (the .wasm's fetch started, its last byte in), compiled (the module compiled), started
// (the program started), loaded (the page has the checks), first (the first answer
// shown), the WebAssembly calls' own times (measured where they run) and
// inWorker, compileWorker (the module was compiled in start.js's compile
// worker, and the page runs it), fetches and pageFetches (of the .wasm, by
// a worker and by this page).
const timing = (window.beianTiming = {
  app: performance.now(), wasmStart: 0, wasmEnd: 0, compiled: 0, started: 0, loaded: 0, first: 0, firstCheck: 0, firstValidate: 0, last: 0, lastValidate: 0, maxLaterValidate: 0, checks: 0,
  inWorker: false, compileWorker: false, fetches: 0, pageFetches: 0, cached: false,
});

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

// The parts of a filing the form does not show.
function baseFiling() {
  const doc = (kind, owner, format, width, height, size) =>
    ({ kind, owner, format, width, height, size_bytes: size, path: "" });
  return {
    filing_type: "new", submitted_at: today(), rejected_at: "",
    subject: {
      cert_valid_until: "", residence_permit_province: "",
      principal: { cert_type: "id_card", phone: "", is_legal_representative: false },
    },
    websites: [{ domains: [], content_categories: [], pre_approvals: [], principal_same_as_subject: true }],
    domains: [{ registrar: "" }],
    documents: [
      doc("subject_cert", "subject", "jpeg", 1600, 1200, 350000),
      doc("principal_cert", "subject.principal", "jpeg", 1600, 1200, 310000),
      doc("verification_form", "subject", "png", 1240, 1754, 820000),
      doc("photo", "subject.principal", "jpeg", 800, 600, 120000),
      doc("commitment_letter", "subject", "png", 1240, 1754, 900000),
    ],
    icp_number: "",
  };
}

// setPath sets obj at a field path of the report's form: a.b[0].c.
function setPath(obj, path, value) {
  const parts = path.match(/[^.[\]]+/g);
  let cur = obj;
  parts.forEach((p, i) => {
    const key = /^\d+$/.test(p) ? Number(p) : p;
    if (i === parts.length - 1) {
      cur[key] = value;
      return;
    }
    if (cur[key] == null) cur[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    cur = cur[key];
  });
}

// The filing the form holds now, for the browser test and the console.
window.beianFiling = () => filingFromForm();

function filingFromForm() {
  const f = baseFiling();
  for (const el of inputs) setPath(f, el.dataset.path, el.value);
  f.domains[0].holder_cert_type = f.subject.cert_type;
  f.subject.principal.is_legal_representative =
    f.subject.principal.name.trim() !== "" && f.subject.principal.name.trim() === f.subject.legal_representative.trim();
  return f;
}

function translate() {
  const t = texts[lang];
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t.title;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const v = t[el.dataset.i18n];
    if (typeof v === "string" && !(el.id === "status" && beian)) el.textContent = v;
  }
  $("#lang").setAttribute("aria-label", t.switch);
  document.body.dataset.lang = lang;
}

// The mirror behind each input, in which the spans are underlined.
for (const el of inputs) {
  if (el.tagName !== "INPUT") continue;
  const mirror = document.createElement("div");
  mirror.className = "mirror";
  mirror.setAttribute("aria-hidden", "true");
  el.before(mirror);
  el.addEventListener("scroll", () => { mirror.scrollLeft = el.scrollLeft; });
}

const rank = { notice: 1, warning: 2, error: 3 };

// underline draws marks under [start, end) ranges (UTF-16 units) of the
// input's value, the worst severity winning where they overlap.
function underline(el, marks) {
  const mirror = el.previousElementSibling;
  const box = el.parentElement;
  mirror.replaceChildren();
  box.classList.remove("bad", "warn");
  el.removeAttribute("aria-invalid");
  const text = el.value;
  if (marks.length === 0) {
    mirror.textContent = text;
    return;
  }
  const sev = new Array(text.length).fill(0);
  let worst = 0;
  for (const m of marks) {
    worst = Math.max(worst, rank[m.severity]);
    for (let i = Math.max(0, m.start); i < Math.min(text.length, m.end); i++) sev[i] = Math.max(sev[i], rank[m.severity]);
  }
  box.classList.add(worst === 3 ? "bad" : "warn");
  if (worst === 3) el.setAttribute("aria-invalid", "true");
  const names = ["", "notice", "warning", "error"];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && sev[j] === sev[i]) j++;
    const piece = text.slice(i, j);
    if (sev[i] === 0) {
      mirror.append(piece);
    } else {
      const mark = document.createElement("mark");
      mark.className = `span ${names[sev[i]]}`;
      mark.dataset.start = i;
      mark.dataset.end = j;
      mark.textContent = piece;
      mirror.append(mark);
    }
    i = j;
  }
  mirror.scrollLeft = el.scrollLeft;
}

// marksOf underlines each rejection's span in its input.
function marksOf(result) {
  const marks = new Map();
  for (const r of result.rejections ?? []) {
    const el = byPath.get(r.field);
    if (el && el.tagName === "INPUT") {
      // No span: the problem is the whole value.
      const span = r.span ?? { start: 0, end: el.value.length };
      if (!marks.has(el)) marks.set(el, []);
      marks.get(el).push({ ...span, severity: r.severity });
    }
  }
  for (const el of inputs) if (el.tagName === "INPUT") underline(el, marks.get(el) ?? []);
}

function render(result) {
  window.beianLast = result; // for the browser test and the console
  const t = texts[lang];
  const status = $("#status");
  const list = $("#rejections");
  list.replaceChildren();
  if (!isReport(result)) {
    status.dataset.state = "rejected";
    status.textContent = `${t.undecodable}: ${result.problems.map((p) => `${p.path || "-"} ${p.message}`).join("; ") || result.error}`;
    for (const el of inputs) if (el.tagName === "INPUT") underline(el, []);
    return;
  }
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const r of result.rejections) {
    counts[r.severity]++;
    list.append(rejectionItem(r, t));
  }
  marksOf(result);
  status.dataset.state = result.ok ? "ok" : "rejected";
  status.textContent = `${result.ok ? t.ok : t.rejected}${result.complete ? "" : t.incomplete} · ${t.counts(counts.error, counts.warning, counts.notice)}`;
  const skipped = $("#skipped");
  skipped.replaceChildren(...result.skipped.map((code) => {
    const li = document.createElement("li");
    li.dataset.code = code;
    const c = document.createElement("code");
    c.textContent = code;
    li.append(c, ` — ${result.skipped_reasons?.[code] ?? ""}`);
    return li;
  }));
  $("#skipped-count").textContent = result.skipped.length;
}

function rejectionItem(r, t) {
  const li = document.createElement("li");
  li.className = r.severity;
  li.dataset.code = r.code;
  li.dataset.field = r.field;
  const head = document.createElement("div");
  head.className = "head";
  const sev = document.createElement("span");
  sev.className = "sev";
  sev.textContent = t[r.severity];
  const code = document.createElement("code");
  code.textContent = r.code;
  const field = document.createElement("span");
  field.textContent = r.field || t.whole;
  head.append(sev, code, field);
  const msg = document.createElement("p");
  msg.className = "msg";
  msg.textContent = r.message;
  const remedy = document.createElement("p");
  remedy.className = "remedy";
  remedy.textContent = r.remedy;
  li.append(head, msg, remedy);
  for (const fix of r.fixes ?? []) {
    if (!byPath.has(fix.field)) continue; // not a field of this form
    const b = document.createElement("button");
    b.type = "button";
    b.className = "fix";
    b.dataset.field = fix.field;
    b.dataset.value = fix.value;
    b.textContent = `${t.fix}${fix.title}`;
    b.addEventListener("click", () => {
      const el = byPath.get(fix.field);
      el.value = fix.value;
      el.focus();
      check();
    });
    li.append(b);
  }
  return li;
}

let shown = "";

// asked counts the checks asked for, drawn is the one whose answer the
// page shows: an answer is drawn only if no newer check was asked for
// while it was computed.
let asked = 0;
let drawn = 0;

// settle tells the browser test and the console whether the page shows
// the answer to what the form holds: body[data-busy] is "1" while a check
// waits for its debounce or its answer.
function settle() {
  document.body.dataset.busy = timer !== 0 || drawn !== asked ? "1" : "0";
}

async function check() {
  clearTimeout(timer);
  timer = 0;
  if (!beian) return;
  const mine = ++asked;
  settle();
  const t0 = performance.now();
  const { json, ms } = await beian.validateTimed(JSON.stringify(filingFromForm()), lang);
  if (mine !== asked) return;
  timing.lastValidate = ms; // the checks alone, without drawing or messaging
  // The same answer is not drawn again: a click on a fix button must not
  // find its button replaced between mouse down and up.
  if (json !== shown) {
    shown = json;
    render(JSON.parse(json));
  } else if (window.beianLast) {
    marksOf(window.beianLast); // typing cleared them
  }
  const now = performance.now();
  timing.last = now - t0;
  timing.checks++;
  if (!timing.first) {
    timing.first = now;
    timing.firstCheck = now - t0; // the first validation builds the tables it needs
    timing.firstValidate = timing.lastValidate; // of which the WebAssembly call
  } else {
    timing.maxLaterValidate = Math.max(timing.maxLaterValidate, timing.lastValidate);
  }
  document.body.dataset.checks = String(timing.checks);
  drawn = mine;
  settle();
}

form.addEventListener("input", () => {
  for (const el of inputs) if (el.tagName === "INPUT") el.previousElementSibling.textContent = el.value;
  clearTimeout(timer);
  timer = setTimeout(check, 150);
  settle();
});
$("#lang").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  translate();
  check();
});

// window.beianValidate checks a filing's JSON as the page's check does,
// for the browser test and the console: {json, ms}, ms the WebAssembly
// call's own time.
window.beianValidate = (json, l = lang) => beian.validateTimed(json, l);

// loadChecks takes the worker start.js created (with ?worker=1), or
// what start.js began compiling while the page was parsed; if either
// fails (no module workers, a server without the application/wasm type),
// it loads the checks from the URL on the page's thread. Each way gives
// the same interface: validateTimed answers a promise.
async function loadChecks() {
  const early = window.beianStart;
  if (early?.worker) {
    try {
      // Its failure may have been told before loadWorker listens.
      const failed = early.workerFailed?.then((e) => {
        throw new Error(`beian: the worker failed: ${e?.message ?? "loading worker.js"}`);
      });
      failed?.catch(() => {}); // after the race, nobody awaits it
      const w = await (failed ? Promise.race([loadWorker(early.worker), failed]) : loadWorker(early.worker));
      timing.inWorker = true;
      timing.wasmStart = w.timing.wasmStart ? w.timing.wasmStart - performance.timeOrigin : 0;
      timing.wasmEnd = w.timing.wasmEnd ? w.timing.wasmEnd - performance.timeOrigin : 0;
      timing.compiled = w.timing.compiled - performance.timeOrigin;
      timing.started = w.timing.started - performance.timeOrigin;
      timing.fetches = w.timing.fetches; // by the worker
      timing.cached = w.timing.cached;
      return w;
    } catch (err) {
      console.warn("beian: the worker did not start, loading on the page:", err);
      early.worker.terminate();
    }
  }
  const url = new URL("./beian/beian.wasm", location.href);
  let b = null;
  if (early?.module) {
    try {
      // The word tables' promise, not the tables: load does not wait for them.
      b = await load(await early.module, early.lexicon, early.data);
      timing.compiled = early.compiled;
    } catch (err) {
      console.warn("beian: the early start failed, loading again:", err);
    }
  }
  if (!b) {
    b = await load(url);
    timing.compiled = performance.now();
  }
  timing.started = performance.now();
  const here = performance.getEntriesByType("resource").filter((e) => e.name === url.href);
  timing.pageFetches = here.length;
  const w = early?.compiledInWorker;
  if (w && !here.length) {
    // Compiled in start.js's compile worker, which fetched the .wasm.
    timing.compileWorker = true;
    timing.fetches = 1;
    timing.wasmStart = w.wasmStart ? w.wasmStart - performance.timeOrigin : 0;
    timing.wasmEnd = w.wasmEnd ? w.wasmEnd - performance.timeOrigin : 0;
    timing.cached = w.cached;
  }
  if (here.length) {
    timing.wasmStart = here[0].startTime;
    timing.wasmEnd = here[0].responseEnd;
    timing.cached = here[0].transferSize < 1000;
  }
  const validateTimed = (json, l) => {
    const t0 = performance.now();
    const out = b.validateJSON(json, l);
    return Promise.resolve({ json: out, ms: performance.now() - t0 });
  };
  return { ...b, validateTimed, validateJSON: async (json, l) => b.validateJSON(json, l) };
}

translate();
try {
  beian = await loadChecks();
  timing.loaded = performance.now();
  $("#version").textContent = `beian ${beian.version}`;
  await check();
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 50));
  const warm = (f, l) => beian.validateJSON(JSON.stringify(f), l).catch(() => {});
  // The word tables come after the first answer. A check that needed them
  // said CHECK_UNAVAILABLE (its report is not complete): check again when
  // they are in. A complete report stands (what the form holds did not
  // need them), and a check in idle time reads them in before a keystroke
  // needs them. If they cannot be fetched, the rejection keeps saying so.
  beian.ready.then(() => {
    if (isReport(window.beianLast) && window.beianLast.complete) idle(() => warm(filingFromForm(), lang));
    else check();
  }, (err) => console.warn("beian: the word tables:", err));
  // Warm up, once the first answer is shown: the other language's
  // validator, the paths a personal filing takes and those of values typed
  // halfway, so that the first keystroke there does not pay for compiling
  // them (in the worker, these wait behind the first check and hold
  // nothing of the page up). (Two hundred more
  // checks in idle time, to have V8 optimise the code before the user
  // types, were measured in the browser test and left out: the slowest
  // later check was 2.7–13.5 ms, median 4.0, over 7 runs with them, and
  // 4.2–8.3 ms, median 6.2, over 5 without; no clear gain for 200 ms of a
  // phone's CPU.)
  idle(() => {
    const f = filingFromForm();
    warm(f, lang === "zh" ? "en" : "zh");
    f.subject.nature = "personal";
    f.subject.cert_type = "id_card";
    f.subject.cert_number = f.subject.principal.cert_number;
    f.subject.name = f.subject.principal.name;
    warm(f, lang);
    // And the answers to what is typed halfway: a date (the filing
    // cannot be decoded), an e-mail address and a mobile number. V8
    // compiles each function at its first call, so the first keystroke
    // that leaves a date halfway compiled 120 KB of WebAssembly inside
    // its check; with these two checks in idle time, typing every field
    // of this form in compiles 31 KB instead of 206 KB
    // (node --trace-wasm-compilation-times, examples/web/README.md).
    const half = filingFromForm();
    half.domains[0].verified_at = half.domains[0].verified_at.slice(0, 6);
    warm(half, lang);
    const typing = filingFromForm();
    typing.subject.principal.email = typing.subject.principal.email.split("@")[0] + "@";
    typing.subject.principal.mobile = typing.subject.principal.mobile.slice(0, 5);
    warm(typing, lang);
  });
} catch (err) {
  const status = $("#status");
  status.dataset.state = "rejected";
  status.textContent = texts[lang].failed + err.message;
}
