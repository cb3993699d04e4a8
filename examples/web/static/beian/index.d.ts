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
  /** Checks a filing (an object in the wire format, or its JSON text). Never throws for a bad filing. */
  validate(filing: object | string, lang?: "zh" | "en"): Report | DecodeFailure;
  /** The same, answering the JSON text as the WebAssembly build gives it. */
  validateJSON(filingJSON: string, lang?: "zh" | "en"): string;
}

/** The default location of the WebAssembly build: beside the module. */
export declare const defaultURL: URL;

/**
 * Loads and starts the WebAssembly checks (once per page is enough: validate is synchronous and reentrant).
 * Resolves without waiting for the word tables (lexicon), whose fetch starts at the same time; see Beian.ready.
 */
export declare function load(
  source?: string | URL | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module | Promise<WebAssembly.Module>,
  lexicon?: string | URL | ArrayBuffer | ArrayBufferView | Promise<ArrayBuffer>,
): Promise<Beian>;

/** The name of the word tables file the build loads, beside the .wasm, without waiting for it. */
export declare const lexiconFile: string;

/** Whether a result is a report (and not a decoding failure). */
export declare function isReport(result: Report | DecodeFailure): result is Report;
