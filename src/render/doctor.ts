/**
 * `dzkj doctor` as a document: one row per check (integrity, schema, foreign keys …) with its
 * result and findings, and the verdict line (healthy, or how many checks found problems). JSON
 * is the check's report with each finding as text in the UI language (README "dzkj doctor").
 */
import { explain, type Lang, type MessageKey, type Reason, t } from "../i18n/index.js";
import type { Doc, Tone } from "./doc.js";

export type CheckStatus = "ok" | "warning" | "problem" | "skipped";

/** What the view reads of the doctor's report (app/doctor.ts's DoctorReport has this shape). */
export interface DoctorView {
  path: string;
  healthy: boolean;
  problems: number;
  counts: { values: number; batches: number };
  planYears: number[];
  checks: { name: string; status: CheckStatus; messages: Reason[] }[];
}

const TONE: Record<CheckStatus, Tone> = { ok: "good", warning: "warn", problem: "bad", skipped: "dim" };

/** The JSON contract: the report as it is, each check's findings as text in the UI language. */
export function doctorJson<R extends DoctorView>(r: R, lang: Lang): object {
  const { checks, ...data } = r;
  return {
    ...data,
    checks: checks.map((c) => ({
      name: c.name,
      status: c.status,
      messages: c.messages.map((m) => explain(lang, m)),
    })),
  };
}

/** The checks as a Doc: a table of check, result (coloured) and findings, under the verdict. */
export function doctorDoc(r: DoctorView, lang: Lang): Doc {
  return {
    lang,
    title: t(lang, "ops.doctor.title"),
    meta: [],
    verdict: {
      text: r.healthy
        ? t(lang, "ops.doctor.summary.ok", {
            path: r.path,
            values: r.counts.values,
            batches: r.counts.batches,
            years: r.planYears.join(", ") || "—",
          })
        : t(lang, "ops.doctor.summary.bad", { path: r.path, count: r.problems }),
      tone: r.healthy ? "good" : "bad",
    },
    sectionLabel: t(lang, "label.section"),
    blocks: [
      {
        columns: [
          { label: t(lang, "ops.doctor.head.check") },
          { label: t(lang, "ops.doctor.head.status") },
          { label: t(lang, "ops.doctor.head.detail"), wrap: true },
        ],
        rows: r.checks.map((c) => {
          const status = t(lang, `ops.doctor.status.${c.status}` as MessageKey);
          return [
            { text: t(lang, `ops.doctor.check.${c.name}` as MessageKey) },
            { text: status, value: status, tone: TONE[c.status] },
            { text: c.messages.map((m) => explain(lang, m)).join(lang === "zh" ? "；" : "; ") },
          ];
        }),
      },
    ],
  };
}
