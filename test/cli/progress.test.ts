/** The import's progress bar: on a terminal for a long file, never in a pipe (cron mail, logs). */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, createDatabase, dzkj, tempDir, testEnv } from "../helpers.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const big = join(dir, "big.csv");
const env = testEnv(dir);

beforeAll(() => {
  // 60,000 rows: the same 40 keys over and over with the same values (allowed: not a conflict)
  const units = ["通川区", "达川区", "宣汉县", "开江县", "大竹县", "渠县", "万源市", "达州高新区"];
  const keys = units.flatMap((u, i) =>
    [
      "key_tech_projects",
      "new_industrial_products",
      "tech_smes",
      "patent_transfer_projects",
      "online_consultations",
    ].map((d) => `2020Q3,${u},${d},${i + 1}`),
  );
  const lines = ["period,unit,indicator,value"];
  for (let i = 0; i < 60_000; i++) lines.push(keys[i % keys.length]!);
  writeFileSync(big, `${lines.join("\n")}\n`);
});

describe("import progress bar", () => {
  it("is drawn on stderr when it is a terminal, and wiped before the summary", async () => {
    const db = join(dir, "tty.db");
    await createDatabase(db);
    // util-linux `script` runs the command on a pseudo-terminal (stdout and stderr)
    const r = spawnSync(
      "script",
      ["-qec", `"${process.execPath}" "${BIN}" --db "${db}" import "${big}"`, "/dev/null"],
      {
        env: { ...env, TERM: "xterm" },
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    const clear = "\r\u001b[K";
    expect(r.stdout).toContain(`${clear}正在导入 ${big} `);
    // a real fraction of the file's bytes, not a bar stuck at zero
    expect(r.stdout).toMatch(/正在导入 \S+big\.csv [█▏▎▍▌▋▊▉·]{20} +(?!0\.0%)\d+\.\d%/);
    // the line is cleared, then the summary follows
    expect(r.stdout).toContain(`${clear}${big}: utf8，分隔符 ,，长表；读取 60000 行`);
  });

  it("is not drawn when stderr is not a terminal", async () => {
    await createDatabase(join(dir, "pipe.db"));
    const r = dzkj(["--db", join(dir, "pipe.db"), "import", big], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("正在导入");
    expect(r.stderr).not.toContain("\x1b[K");
    expect(r.stdout).toContain("读取 60000 行");
  });
});
