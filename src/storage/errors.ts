import type { Reason } from "../i18n/index.js";

/**
 * A problem with the database itself (not with input data): too new, not a dzkj database,
 * unreadable. `reason` is the message in the catalogue (shown in the UI language); `message` is
 * the same in English, for logs and DZKJ_DEBUG.
 */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  constructor(
    message: string,
    readonly reason?: Reason,
  ) {
    super(message);
  }
}
