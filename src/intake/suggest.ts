/** "Did you mean …?" candidates for a name that matched nothing. */
import { normalizeKey } from "./text.js";

/**
 * Up to `max` candidates close to `input`, best first (compared after normalizeKey):
 * those that contain the input or are contained in it (`通川` → `通川区`, `大竹县县` → `大竹县`;
 * the shorter side must be at least 2 characters), and those within a small edit distance
 * (≤ 1 when the input is at most 4 characters, ≤ 2 otherwise). Ranked by edit distance, then
 * by candidate order. Duplicates are returned once.
 */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const key = [...normalizeKey(input)];
  if (key.length === 0 || max <= 0) return [];
  const keyText = key.join("");
  const limit = key.length <= 4 ? 1 : 2;
  const found: { candidate: string; distance: number; index: number }[] = [];
  const seen = new Set<string>();
  candidates.forEach((candidate, index) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const other = [...normalizeKey(candidate)];
    if (other.length === 0) return;
    const otherText = other.join("");
    const shorter = Math.min(key.length, other.length);
    const contains = shorter >= 2 && (otherText.includes(keyText) || keyText.includes(otherText));
    // Containment implies distance = length difference; otherwise skip hopeless pairs cheaply.
    if (!contains && Math.abs(key.length - other.length) > limit) return;
    const distance = levenshtein(key, other);
    if (contains || distance <= limit) found.push({ candidate, distance, index });
  });
  found.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return found.slice(0, max).map((f) => f.candidate);
}

/** Edit distance between two sequences of code points (insert, delete, substitute). */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
