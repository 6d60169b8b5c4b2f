import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The package's root folder (the one holding migrations/ and seeds/), found by walking up from
 * this module: the same code runs bundled from dist/ and unbundled from src/ in tests.
 */
function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "migrations")) && existsSync(join(dir, "package.json"))) {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error("dzkj: cannot find the migrations/ folder of the installation");
    dir = up;
  }
}

/** Path of a file shipped with dzkj, e.g. assetPath("seeds", "plan-2020.json"). */
export function assetPath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
