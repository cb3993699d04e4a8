// Types of the beian checks' ES module. The report's shape is the wire
// format of validate.Report (README, "The report as JSON").

/** How bad a rejection is. */
export type Severity = "error" | "warning" | "notice";

/** [start, end) of the problem in the field's value as sent, in UTF-16 code units (what setSelectionRange takes). */
export interface Span {
  start: number;
  end: number;
}

/** A certain correction: set field to value. */
export interface Fix {
  field: string;
  value: string;
  title: string;
}

/** Where the rule comes from. */
export interface Source {
  key: string;
  url: string;
  edition: string;
  certain: boolean;
}

/** One reason the filing would be rejected. */
export interface Rejection {
  code: string;
  severity: Severity;
  /** The field path, as in "websites[0].domains[0]"; "" for the filing as a whole. */
  field: string;
  message: string;
  remedy: string;
  related?: string[];
  span?: Span;
  fixes?: Fix[];
  source?: Source;
  /** The code's documentation page, relative to the repository: docs/codes/CODE.md. */
  doc: string;
}

/** What `icpcheck --json` prints for one filing. */
export interface Report {
  /** No error rejection. */
  ok: boolean;
  /** Every check ran (none is in skipped). */
  complete: boolean;
  rejections: Rejection[];
  /** Codes of the checks that could not run, sorted. */
  skipped: string[];
  /** Why each skipped check could not run. */
  skipped_reasons?: Record<string, string>;
}

/** One problem of a filing's JSON, where the decoder found it. */
export interface DecodeProblem {
  /** The field path; "" for the document as a whole. */
  path: string;
  message: string;
}

/** The answer for a filing that cannot be decoded. */
export interface DecodeFailure {
  error: string;
  problems: DecodeProblem[];
}

/** A provider console profile (rules/data/profiles.csv); "" for the strictest sourced values. */
export type Profile = "" | "tencent" | "aliyun" | "huawei";

/** The loaded checks. */
export interface Beian {
  /** The build's version. */
  readonly version: string;
  /**
   * Resolves when the word tables have arrived and every check can run;
   * rejects when they cannot be fetched. Until then a check that needs
   * them (a site name holding a listed word) reports CHECK_UNAVAILABLE
   * and `complete: false`: check again once this resolves.
   */
  readonly ready: Promise<void>;
  /**
   * Checks a filing (an object in the wire format, or its JSON text). Never throws for a bad filing.
   * profile names the provider console whose sourced differences apply (validate.WithProfile);
   * without it, the strictest sourced values; an unknown name is a CHECK_UNAVAILABLE warning.
   */
  validate(filing: object | string, lang?: "zh" | "en", profile?: Profile): Report | DecodeFailure;
  /** The same, answering the JSON text as the WebAssembly build gives it. */
  validateJSON(filingJSON: string, lang?: "zh" | "en", profile?: Profile): string;
}

/** What a worker says of its start, in ms since the Unix epoch (subtract performance.timeOrigin for the page's clock). */
export interface WorkerTiming {
  /** The .wasm's fetch started (the worker's resource timing); 0 if unknown. */
  wasmStart: number;
  /** The .wasm's last byte in (the worker's resource timing); 0 if unknown. */
  wasmEnd: number;
  /** The module compiled. */
  compiled: number;
  /** The program started (instantiated, its package inits run). */
  started: number;
  /** How many times the worker fetched the .wasm. */
  fetches: number;
  /** The .wasm came from the HTTP cache (a 304 or no transfer). */
  cached: boolean;
}

/** The checks running in a dedicated worker (loadWorker): the same answers, as promises. */
export interface BeianWorker {
  /** The build's version. */
  readonly version: string;
  /** As Beian.ready. */
  readonly ready: Promise<void>;
  /** When the worker fetched the build and started the program. */
  readonly timing: WorkerTiming;
  /** The worker running worker.js. */
  readonly worker: Worker;
  /** Checks a filing in the worker (profile as Beian.validate's). Rejects only if the worker failed, never for a bad filing. */
  validate(filing: object | string, lang?: "zh" | "en", profile?: Profile): Promise<Report | DecodeFailure>;
  /** The same, answering the JSON text as the WebAssembly build gives it. */
  validateJSON(filingJSON: string, lang?: "zh" | "en", profile?: Profile): Promise<string>;
  /** validateJSON with the WebAssembly call's own time (ms), measured in the worker. */
  validateTimed(filingJSON: string, lang?: "zh" | "en", profile?: Profile): Promise<{ json: string; ms: number }>;
  /** Stops the worker; calls still waiting reject. */
  terminate(): void;
}

/**
 * Starts the checks in a dedicated worker running worker.js (beside the module by default):
 * starting the program and checking never hold up the page's thread. worker is a Worker already
 * running worker.js (created first thing by the page: it starts loading at once; its query
 * ?wasm=…&lexicon=…&data=… names other files) or the URL of worker.js. Browsers only.
 */
export declare function loadWorker(worker?: Worker | string | URL): Promise<BeianWorker>;

/** The default location of the WebAssembly build: beside the module. */
export declare const defaultURL: URL;

/**
 * Loads and starts the WebAssembly checks (once per page is enough: validate is synchronous and reentrant).
 * Resolves without waiting for the word tables (lexicon), whose fetch starts at the same time; see Beian.ready.
 * The program's memory image (data, beian-data.bin beside the .wasm by default) is fetched at the same time
 * and waited for; one of another build is refused.
 */
export declare function load(
  source?: string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module | Promise<WebAssembly.Module>,
  lexicon?: string | URL | ArrayBuffer | ArrayBufferView | Promise<ArrayBuffer>,
  data?: string | URL | ArrayBuffer | ArrayBufferView | Promise<ArrayBuffer>,
): Promise<Beian>;

/** The name of the word tables file the build loads, beside the .wasm, without waiting for it. */
export declare const lexiconFile: string;

/** The name of the build's memory image, beside the .wasm: the module's data segments, which load writes into its memory. */
export declare const dataFile: string;

/** Whether a result is a report (and not a decoding failure). */
export declare function isReport(result: Report | DecodeFailure): result is Report;
