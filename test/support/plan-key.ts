/**
 * Compares an extraction with a hand-made answer key: which key targets were found with the right
 * number, unit and commitment (recall), and how many candidates are not in the key (precision).
 */
import { type Candidate, nameOverlap, type PlanText } from "../../src/intake/plan-text.js";

/** One target of an answer key (seeds/plan-2020.json's indicators have these fields and more). */
export interface KeyTarget {
  name: string;
  target: number;
  unit: string;
  commitment: "firm" | "aspirational";
  kind?: "flow" | "stock" | "rate";
  comparison?: "atLeast" | "atMost" | "exactly";
  /** the aspirational figure of a 确保…争取 pair */
  stretch?: number;
}

export interface Measured {
  matched: { key: KeyTarget; candidate: Candidate }[];
  missed: KeyTarget[];
  extra: Candidate[];
  recall: number;
  precision: number;
  summary: string;
}

/**
 * Pairs key targets with candidates one to one: a pair needs the same number, unit and commitment;
 * among several (five targets of 10 项 in 2020), the names that overlap most pair first.
 */
export function measure(label: string, result: PlanText, key: readonly KeyTarget[]): Measured {
  const pairs: { k: number; c: number; score: number }[] = [];
  key.forEach((t, k) => {
    result.candidates.forEach((c, i) => {
      if (c.number === t.target && c.unit === t.unit && c.commitment === t.commitment)
        pairs.push({ k, c: i, score: nameOverlap(t.name, c.name) });
    });
  });
  pairs.sort((a, b) => b.score - a.score);
  const usedK = new Set<number>();
  const usedC = new Set<number>();
  const matched: Measured["matched"] = [];
  for (const p of pairs) {
    if (usedK.has(p.k) || usedC.has(p.c)) continue;
    usedK.add(p.k);
    usedC.add(p.c);
    matched.push({ key: key[p.k]!, candidate: result.candidates[p.c]! });
  }
  const missed = key.filter((_, k) => !usedK.has(k));
  const extra = result.candidates.filter((_, i) => !usedC.has(i));
  const recall = matched.length / key.length;
  const precision = result.candidates.length === 0 ? 0 : matched.length / result.candidates.length;
  const summary =
    `${label}: recall ${matched.length}/${key.length} = ${recall.toFixed(3)}, ` +
    `precision ${matched.length}/${result.candidates.length} = ${precision.toFixed(3)}, ` +
    `${extra.length} extra, ${result.sections.length} sections, ${result.tasks.length} tasks`;
  return { matched, missed, extra, recall, precision, summary };
}
