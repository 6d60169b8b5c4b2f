/** `dzkj report | head`: a reader that stops early must not make dzkj crash with a stack trace. */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, dzkj, PROGRESS_FIXTURES, ROOT, tempDir, testEnv } from "../helpers.js";

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe("a closed stdout pipe", () => {
  it("ends dzkj quietly with exit 0 instead of an EPIPE stack trace", async () => {
    const env = testEnv(dir, { DZKJ_DB: join(dir, "pipe.db") });
    expect(dzkj(["init"], { env }).code).toBe(0);
    // a dry run prints one line per row, in separate writes: the ones after the close hit EPIPE
    const child = spawn(process.execPath, [BIN, "import", "--dry-run", PROGRESS_FIXTURES[2]!], {
      cwd: ROOT,
      env,
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    // read one chunk, then close the pipe like `head -1` does
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toContain("EPIPE");
    expect(stderr).not.toContain("    at ");
    expect(code).toBe(0);
  });
});
