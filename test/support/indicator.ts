/** A plan indicator for domain and render tests: a quarterly firm flow of 100 项, overridden as needed. */
import type { Indicator } from "../../src/domain/plan.js";

export function makeIndicator(over: Partial<Indicator> = {}): Indicator {
  const code = over.code ?? "x";
  return {
    code,
    name: code,
    nameEn: code,
    unit: "项",
    target: 100,
    kind: "flow",
    cadence: "quarterly",
    commitment: "firm",
    headline: true,
    section: null,
    task: null,
    pace: "linear",
    ...over,
  };
}
