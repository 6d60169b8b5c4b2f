/**
 * The layers' boundaries (ARCHITECTURE: "render/ imports from domain/ and i18n/ only; SQL and
 * transactions live in storage/"), checked on the source text: a statement or a pragma written
 * in app/, cli/ or render/, or a render/ module reaching into storage/ or app/, fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

/** Every .ts file under src/DIR, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  const base = join(ROOT, "src", dir);
  return readdirSync(base, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(base, f), "utf8") }));
}

describe("layer boundaries", () => {
  it("no SQL, pragma or transaction control outside storage/", () => {
    // better-sqlite3's ways of running SQL, and statements written as string literals
    const sql =
      /\.(prepare|exec|pragma|transaction)\(|["'`]\s*(SELECT|INSERT|UPDATE|DELETE|PRAGMA)\s+\w|["'`](BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/;
    const found = ["app", "cli", "render", "domain"].flatMap((d) =>
      sources(d).flatMap(({ file, text }) =>
        text
          .split("\n")
          // RegExp#exec is not SQL
          .filter((l) => sql.test(l) && !/\/[^/]*\/[a-z]*\.exec\(|\bRE\w*\.exec\(|\.exec\(\w+\)/.test(l))
          .map((l) => `${file}: ${l.trim()}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("render/ imports nothing from storage/ or app/", () => {
    const found = sources("render").flatMap(({ file, text }) =>
      [...text.matchAll(/from "\.\.\/(storage|app)\/[^"]+"/g)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
