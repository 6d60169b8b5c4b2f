import type { Reason } from "../i18n/index.js";

/** One problem in an input file, located as FILE:LINE: column: value. */
export interface Problem {
  file: string;
  /** physical line in the file as an editor shows it (1-based); null when it concerns the whole file */
  line: number | null;
  column: string | null;
  value: string | null;
  reason: Reason;
}

/** A file that cannot be read at all (unreadable, too large, not text, broken quoting, no header). */
export class FileError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.file}:${problem.line ?? ""}: ${problem.reason.key}`);
  }
}
