/** Runs the CLI's main in-process (no child process): what it wrote to stdout and stderr, and its exit code. */
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(argv: string[], env: NodeJS.ProcessEnv): Promise<MainResult> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  try {
    const code = await main(argv, env);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}
