import type { Reason } from "../i18n/index.js";
import type { Problem } from "../intake/errors.js";

/** A problem the user can fix (bad data, a missing file, an unknown year): exit 1, no stack trace. */
export class UserError extends Error {
  constructor(
    readonly reason: Reason,
    /** located problems to list under the message, FILE:LINE: column: value — reason */
    readonly problems: Problem[] = [],
  ) {
    super(reason.key);
  }
}

/** A wrong command line (unknown option value): exit 2. */
export class UsageError extends UserError {}

/** `--check` found something to alert on: exit 3. */
export class CheckFailed extends Error {}

/** The user pressed Ctrl-C: whatever was under way was rolled back; exit 130. */
export class Interrupted extends Error {
  override name = "Interrupted";
}
