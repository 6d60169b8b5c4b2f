import { z } from "zod";
import { CADENCES, COMMITMENTS, INDICATOR_KINDS, PACE_NAMES, type Plan } from "../domain/plan.js";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const code = z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a lower-case code (letters, digits, _)");

const share = z.number().min(0).max(1);
/**
 * An indicator's pace (序时进度 profile, README rule 2): "linear", "milestone", or four cumulative
 * shares of the target due by Q1 … Q4, never falling and ending at 1. Absent means linear.
 */
const pace = z
  .union([z.enum(PACE_NAMES), z.tuple([share, share, share, share])])
  .refine(
    (p) => typeof p === "string" || (p[0] <= p[1] && p[1] <= p[2] && p[2] <= p[3] && p[3] === 1),
    "a pace profile is four cumulative shares of the target (Q1 … Q4), never falling, the last 1",
  );

/** The zod schema of a plan file (seeds/plan-2020.json is one). */
export const planFileSchema = z
  .object({
    plan: z.object({
      year: z.number().int().min(2000).max(2100),
      title: z.string().min(1),
      titleEn: z.string().min(1),
      issuer: z.string().min(1),
      issuerEn: z.string().min(1),
      issuedOn: date,
      /** days after each quarter's end by which the units report (README "On-time reporting") */
      reportDeadlineDays: z.number().int().min(0).max(366).optional(),
    }),
    sections: z
      .array(
        z.object({
          number: z.number().int().positive(),
          code: z.string().min(1),
          title: z.string().min(1),
          titleEn: z.string().min(1),
        }),
      )
      .min(1),
    tasks: z.array(
      z.object({
        number: z.number().int().positive(),
        section: z.number().int().positive(),
        title: z.string().min(1),
        titleEn: z.string().min(1),
        text: z.string().min(1),
        lead: z.string().min(1),
        leadEn: z.string().min(1),
        deadline: date,
        deadlineNote: z.string(),
      }),
    ),
    units: z
      .array(
        z.object({
          code,
          name: z.string().min(1),
          nameEn: z.string().min(1),
          aliases: z.array(z.string().min(1)),
          adminCode: z
            .string()
            .regex(/^\d{6}$/, "expected a 6-digit administrative code")
            .nullable(),
          isTotal: z.boolean(),
        }),
      )
      .min(1),
    indicators: z.array(
      z.object({
        code,
        name: z.string().min(1),
        nameEn: z.string().min(1),
        unit: z.string().min(1),
        target: z.number().nonnegative(),
        stretch: z.number().nonnegative().optional(),
        kind: z.enum(INDICATOR_KINDS),
        cadence: z.enum(CADENCES),
        commitment: z.enum(COMMITMENTS),
        headline: z.boolean(),
        section: z.number().int().positive().nullable(),
        task: z.number().int().positive().nullable(),
        pace: pace.default("linear"),
        paceNote: z.string().min(1).optional(),
        source: z.string().min(1).optional(),
      }),
    ),
  })
  .superRefine((p, ctx) => {
    const sections = new Set<number>();
    p.sections.forEach((s, i) => {
      if (sections.has(s.number))
        ctx.addIssue({
          code: "custom",
          path: ["sections", i, "number"],
          message: `duplicate section ${s.number}`,
        });
      sections.add(s.number);
    });
    const tasks = new Set<number>();
    const taskSection = new Map(p.tasks.map((t) => [t.number, t.section]));
    p.tasks.forEach((t, i) => {
      if (tasks.has(t.number))
        ctx.addIssue({ code: "custom", path: ["tasks", i, "number"], message: `duplicate task ${t.number}` });
      tasks.add(t.number);
      if (!sections.has(t.section))
        ctx.addIssue({
          code: "custom",
          path: ["tasks", i, "section"],
          message: `unknown section ${t.section}`,
        });
    });
    const names = new Map<string, string>();
    const units = new Set<string>();
    p.units.forEach((u, i) => {
      if (units.has(u.code))
        ctx.addIssue({ code: "custom", path: ["units", i, "code"], message: `duplicate unit ${u.code}` });
      units.add(u.code);
      for (const n of [u.name, ...u.aliases]) {
        const other = names.get(n);
        if (other && other !== u.code)
          ctx.addIssue({ code: "custom", path: ["units", i], message: `name ${n} also names ${other}` });
        names.set(n, u.code);
      }
    });
    if (p.units.filter((u) => u.isTotal).length > 1)
      ctx.addIssue({
        code: "custom",
        path: ["units"],
        message: "at most one unit may be the total (isTotal)",
      });
    const indicators = new Set<string>();
    p.indicators.forEach((ind, i) => {
      if (indicators.has(ind.code))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "code"],
          message: `duplicate indicator ${ind.code}`,
        });
      indicators.add(ind.code);
      if (ind.section !== null && !sections.has(ind.section))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "section"],
          message: `unknown section ${ind.section}`,
        });
      if (ind.task !== null && !tasks.has(ind.task))
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "task"],
          message: `unknown task ${ind.task}`,
        });
      // an indicator of a task is listed under that task's section (the report groups by section)
      const own = ind.task === null ? undefined : taskSection.get(ind.task);
      if (own !== undefined && ind.section !== null && ind.section !== own)
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "section"],
          message: `section ${ind.section} is not the section ${own} of task ${ind.task}`,
        });
      if (ind.stretch !== undefined && ind.stretch < ind.target)
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "stretch"],
          message: `the stretch ${ind.stretch} is below the target ${ind.target}`,
        });
      if (ind.unit === "%" && (ind.stretch ?? 0) > 100)
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "stretch"],
          message: "a % target must be 0–100",
        });
      if (ind.unit === "%" && ind.target > 100)
        ctx.addIssue({
          code: "custom",
          path: ["indicators", i, "target"],
          message: "a % target must be 0–100",
        });
    });
  });

/** One problem found in a plan file, located by its JSON path (e.g. `indicators[3].target`). */
export interface PlanFileProblem {
  path: string;
  message: string;
}

export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: PlanFileProblem[],
  ) {
    super(`${file}: invalid plan file`);
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(root)";
}

/** Parses and validates the text of a plan file; throws PlanFileError listing every problem by path. */
export function parsePlanFile(file: string, text: string): Plan {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new PlanFileError(file, [{ path: "(root)", message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const result = planFileSchema.safeParse(raw);
  if (!result.success) {
    throw new PlanFileError(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return result.data;
}
