/** The outcome of parsing one cell: a value, or a Reason (a message key and its params) to show the user. */
import type { MessageKey, Params, Reason } from "../i18n/index.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Reason };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(key: MessageKey, params: Params = {}): { ok: false; reason: Reason } {
  return { ok: false, reason: { key, params } };
}
