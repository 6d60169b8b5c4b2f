// Runs a command several times under GNU time (/usr/bin/time -f %M) and reports the median wall
// time (measured here with hrtime, so the resolution is far finer than time's own 10 ms) and the
// peak resident set size (max over the runs, in KiB), and the CPU time (user + system) of each run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TIME = "/usr/bin/time";

/** Fails early with the package to install when GNU time is missing. */
export function requireGnuTime() {
  if (!existsSync(TIME)) {
    process.stderr.write("bench: /usr/bin/time not found: apt-get install -y time\n");
    process.exit(2);
  }
}

const scratch = mkdtempSync(join(tmpdir(), "dzkj-bench-time-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

/**
 * One run of `cmd args`: { ms, rssKiB, code, stdout, stderr }. `before` runs first (not timed),
 * e.g. to recreate the database a run writes to.
 */
export function runOnce(cmd, args, { env = process.env, cwd, before, input, stdout = "ignore" } = {}) {
  before?.();
  const out = join(scratch, "time.txt");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(TIME, ["-o", out, "-f", "%M %U %S", cmd, ...args], {
    env,
    cwd,
    input,
    stdio: [input === undefined ? "ignore" : "pipe", stdout, "pipe"],
    maxBuffer: 256 * 1024 * 1024,
    encoding: "utf8",
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const lines = readFileSync(out, "utf8").trim().split("\n");
  const [rss, user, sys] = lines[lines.length - 1].split(" ").map(Number);
  const rssKiB = rss;
  // CPU seconds (user + system): steadier than wall time on a machine shared with other jobs
  const cpuMs = (user + sys) * 1000;
  if (r.status !== 0)
    throw new Error(`bench: ${cmd} ${args.join(" ")} exited ${r.status}\n${(r.stderr ?? "").slice(0, 2000)}`);
  return { ms, cpuMs, rssKiB, stdout: r.stdout, stderr: r.stderr };
}

/** `runs` runs (after `warmup` untimed ones): median wall ms and max peak RSS. */
export function measure(cmd, args, { runs = 5, warmup = 1, ...opts } = {}) {
  for (let i = 0; i < warmup; i++) runOnce(cmd, args, opts);
  const ms = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const r = runOnce(cmd, args, opts);
    ms.push(r.ms);
    rss = Math.max(rss, r.rssKiB);
  }
  return { ms: median(ms), all: ms, rssKiB: rss };
}

/**
 * Measures several commands with their runs interleaved, so that a burst of load from elsewhere on
 * the machine hits every case alike instead of skewing one ratio. Each round starts one case later
 * (A B C, B C A, C A B, …): no case always runs right after the same other one, and so always
 * meets what that one leaves behind (the kernel still writing back an import's ~80 MB, say).
 */
export function measureInterleaved(cases, { runs = 5, warmup = 1 } = {}) {
  const res = cases.map(() => ({ all: [], cpu: [], rssKiB: 0 }));
  for (let i = 0; i < warmup + runs; i++) {
    cases.forEach((_, j) => {
      const k = (i + j) % cases.length;
      const c = cases[k];
      const r = runOnce(c.cmd, c.args, c);
      if (i < warmup) return;
      res[k].all.push(r.ms);
      res[k].cpu.push(r.cpuMs);
      res[k].rssKiB = Math.max(res[k].rssKiB, r.rssKiB);
    });
  }
  return res.map((r) => ({ ...r, ms: median(r.all), cpuMs: median(r.cpu) }));
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
