/** A second process holding a database's write lock, for the tests of waiting writers. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

export interface LockHolder {
  /** ends the holder's transaction (rolled back) and waits for the process to exit */
  release(): Promise<void>;
}

/**
 * Starts test/support/lock-holder.mjs on `db` and resolves once it holds the write lock
 * (BEGIN IMMEDIATE done). `holdFor` releases it by itself after that many ms.
 */
export function holdWriteLock(db: string, holdFor?: number): Promise<LockHolder> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, "test", "support", "lock-holder.mjs"), db],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const release = async () => {
    child.stdin?.end();
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
    child.stdout?.once("data", () => {
      if (holdFor !== undefined) setTimeout(() => void release(), holdFor);
      resolve({ release });
    });
  });
}
