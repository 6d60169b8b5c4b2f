// Deterministic benchmark data: plan files (zod-valid, loaded with `dzkj init --plan`) and
// long-format progress CSVs, written as streams so that a 1,000,000-row file never sits in memory.
import { once } from "node:events";
import { createWriteStream, writeFileSync } from "node:fs";
import iconv from "iconv-lite";

/** mulberry32: a small seeded PRNG, so every run generates the same bytes. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, w) => String(n).padStart(w, "0");

/** Unit i: code u0001, name 单位0001 (CJK, so the GB18030 copy really has multi-byte text). */
export const unitCode = (i) => `u${pad(i + 1, 4)}`;
export const unitName = (i) => `测试区县${pad(i + 1, 4)}`;
export const indicatorCode = (i) => `ind_${pad(i + 1, 4)}`;

/**
 * A plan for `year` with `units` units and indicators of the given kinds (an array of "flow",
 * "stock", "rate"). Stocks count 家 (whole numbers), rates are % (0–100), flows count 项.
 */
export function makePlan(year, units, kinds) {
  return {
    plan: {
      year,
      title: `${year}年基准测试工作要点`,
      titleEn: `Benchmark plan ${year}`,
      issuer: "基准测试局",
      issuerEn: "Benchmark bureau",
      issuedOn: `${year}-03-01`,
    },
    sections: [{ number: 1, code: "一", title: "基准测试", titleEn: "Benchmark" }],
    tasks: [],
    units: Array.from({ length: units }, (_, i) => ({
      code: unitCode(i),
      name: unitName(i),
      nameEn: `Unit ${i + 1}`,
      aliases: [],
      adminCode: null,
      isTotal: false,
    })),
    indicators: kinds.map((kind, i) => ({
      code: indicatorCode(i),
      name: `测试指标${pad(i + 1, 4)}`,
      nameEn: `Indicator ${i + 1}`,
      unit: kind === "rate" ? "%" : kind === "stock" ? "家" : "项",
      target: kind === "rate" ? 80 : 100 * units,
      kind,
      cadence: "quarterly",
      commitment: "firm",
      headline: i < 5,
      section: 1,
      task: null,
    })),
  };
}

export function writePlan(file, plan) {
  writeFileSync(file, `${JSON.stringify(plan, null, 1)}\n`);
}

/**
 * Writes the long-format CSV of every (period, unit, indicator) of `plan`: the baseline (the
 * prior year's Q4) for stocks and rates, and Q1–Q4 for all, with year-to-date values that grow
 * through the year. Returns the number of data rows. `encoding` "gb18030" re-encodes the bytes.
 */
export async function writeProgressCsv(file, plan, { seed, encoding = "utf8" } = {}) {
  const rand = rng(seed);
  const out = createWriteStream(file);
  const enc = (s) => (encoding === "utf8" ? s : iconv.encode(s, encoding));
  let buf = "period,unit,indicator,value,basis,note\n";
  let rows = 0;
  const y = plan.plan.year;
  const periods = [`${y - 1}Q4`, `${y}Q1`, `${y}Q2`, `${y}Q3`, `${y}Q4`];
  for (let q = 0; q <= 4; q++) {
    for (const [ui, u] of plan.units.entries()) {
      for (const ind of plan.indicators) {
        if (q === 0 && ind.kind === "flow") continue;
        let v;
        if (ind.kind === "rate") v = Math.round((40 + q * 8 + rand() * 10) * 10) / 10;
        else v = Math.floor(q * 10 + rand() * 10);
        // a note on a few rows, in Chinese, as real files have
        const note = rand() < 0.05 ? `备注${ui}` : "";
        buf += `${periods[q]},${u.name},${ind.code},${v},ytd,${note}\n`;
        rows++;
        if (buf.length > 1 << 16) {
          if (!out.write(enc(buf))) await once(out, "drain");
          buf = "";
        }
      }
    }
  }
  out.write(enc(buf));
  out.end();
  await once(out, "finish");
  return rows;
}
