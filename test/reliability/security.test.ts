/**
 * Security: SQL is never built from strings with user input; files are created 0600 whatever the
 * umask; dzkj never opens a network connection; paths written in a CSV are never opened.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, dzkj, PROGRESS_FIXTURES, ROOT, tempDir, testEnv } from "../helpers.js";

// ---------------------------------------------------------------------------------------------
// 1. String-built SQL

interface SqlCall {
  file: string;
  line: number;
  /** the first argument of prepare/exec/pragma, whitespace collapsed */
  arg: string;
}

/** The first argument of a call whose "(" is at `open`: stops at a top-level "," or ")". */
function firstArgument(src: string, open: number): string {
  let depth = 0;
  let i = open + 1;
  const start = i;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"' || c === "'") {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === "\\" ? 2 : 1;
    } else if (c === "`") {
      i++;
      let nested = 0;
      while (i < src.length && !(src[i] === "`" && nested === 0)) {
        if (src[i] === "\\") i++;
        else if (src[i] === "$" && src[i + 1] === "{") {
          nested++;
          i++;
        } else if (src[i] === "}" && nested > 0) nested--;
        i++;
      }
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
    i++;
  }
  return src.slice(start, i).replace(/\s+/g, " ").trim();
}

/** Every prepare/exec/pragma call of a database handle in a source text (regex .exec calls left out). */
function findSqlCalls(file: string, src: string): SqlCall[] {
  const out: SqlCall[] = [];
  for (const m of src.matchAll(/([\w$\])]*)\s*\.(prepare|exec|pragma)\(/g)) {
    // RegExp#exec on an UPPER_CASE regex constant or a /literal/ is not SQL
    if (m[2] === "exec" && (/^[A-Z][A-Z0-9_]*$/.test(m[1]!) || m[1] === "")) continue;
    const open = m.index! + m[0].length - 1;
    out.push({ file, line: src.slice(0, open).split("\n").length, arg: firstArgument(src, open) });
  }
  return out;
}

/**
 * A literal: "…" or '…' (possibly concatenated with +), a template literal without ${…}, or a
 * choice between two string literals (cond ? "COMMIT" : "ROLLBACK").
 */
function isLiteral(arg: string): boolean {
  const parts = arg.split(/\s*\+\s*/);
  const str = String.raw`"(?:[^"\\]|\\.)*"`;
  if (new RegExp(`^[^?\`]+\\?\\s*${str}\\s*:\\s*${str}$`).test(arg)) return true;
  return (
    parts.every((p) => /^"(?:[^"\\]|\\.)*"$/.test(p) || /^'(?:[^'\\]|\\.)*'$/.test(p)) ||
    (/^`[^`]*`$/.test(arg) && !arg.includes("${"))
  );
}

/**
 * What a non-literal SQL argument is built from: for a template literal, the ${…} expressions it
 * interpolates (what matters for safety); otherwise the whole expression.
 */
function dynamicKey(arg: string): string {
  if (/^`[^`]*`$/.test(arg))
    return [...new Set([...arg.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!))].join(" ");
  return arg;
}

/**
 * SQL that is not a plain literal, each justified: "file: interpolated expressions". A new entry
 * needs the same care: only identifiers from a fixed list or from sqlite_master (quoted),
 * constant SQL fragments, never a value from input.
 */
const ALLOWED = new Set([
  // SELECT is a module constant (the column list); the values are bound with ?
  "src/storage/batches.ts: SELECT",
  // the migration files shipped with dzkj (inspect.ts runs them on an empty in-memory database)
  "src/storage/database.ts: m.sql",
  "src/storage/inspect.ts: m.sql",
  // busy_timeout: a whole number of milliseconds, through Math.round(Number(…))
  "src/storage/database.ts: n",
  // table and key are string constants passed by savePlan ("tasks"/"number", "sections"/"number", …)
  "src/storage/plans.ts: key table",
  "src/storage/plans.ts: table key",
  // STATE_COLUMNS is a constant column list; unitClause is "" or " AND v.unit_code = ?" (bound)
  "src/storage/values.ts: STATE_COLUMNS unitClause",
  "src/storage/values.ts: STATE_COLUMNS",
  // a constant object of four literal queries
  "src/storage/inspect.ts: queries[table][kind]",
  // table names read from sqlite_master, quoted with quoteIdent (doubles any ")
  "src/storage/inspect.ts: quoteIdent(table.name)",
  // (on main, from the tasks branch) COLUMNS is a constant column list; the values are bound
  "src/storage/tasks.ts: COLUMNS",
  // COLUMNS is a constant column list of unit_targets; the values are bound
  "src/storage/targets.ts: COLUMNS",
  // a multi-row INSERT of held values: n (a row count) copies of one of two constant row forms
  'src/storage/values.ts: Array(n).fill(row).join(", ")',
  // restores the page-cache size the connection had: a number read with PRAGMA cache_size, through Number()
  "src/storage/values.ts: Number(cache)",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("SQL is never built from input", () => {
  it("the scanner catches string-built SQL (it can fail)", () => {
    // source text of bad examples (the ${…} are meant literally)
    const bad = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a bad example
      "db.prepare(`SELECT * FROM units WHERE code = '${code}'`).get();",
      'db.exec("DELETE FROM units WHERE code = \'" + code + "\'");',
      "this.db\n  .prepare(sql)\n  .all();",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a bad example
      "db.pragma(`table_info(${name})`);",
      'db.exec(ok ? "COMMIT" : sql);',
    ];
    for (const b of bad) {
      const calls = findSqlCalls("x.ts", b);
      expect(calls, b).toHaveLength(1);
      expect(isLiteral(calls[0]!.arg), b).toBe(false);
    }
    const good = [
      'db.prepare("SELECT 1 FROM units WHERE code = ?").get(code);',
      "db.prepare(\n  `SELECT a\n   FROM b WHERE c = ?`,\n).all(x);",
      'db.exec("BEGIN" + " IMMEDIATE");',
      "const m = Q_FORM.exec(s);",
      'db.exec(outcome.status === "imported" ? "COMMIT" : "ROLLBACK");',
    ];
    for (const g of good) for (const c of findSqlCalls("x.ts", g)) expect(isLiteral(c.arg), g).toBe(true);
  });

  it("every prepare/exec/pragma in src/ takes a literal, or an allow-listed safe identifier", () => {
    const dynamic: string[] = [];
    let literal = 0;
    for (const f of sourceFiles(join(ROOT, "src"))) {
      const rel = relative(ROOT, f);
      for (const c of findSqlCalls(rel, readFileSync(f, "utf8"))) {
        if (isLiteral(c.arg)) literal++;
        else if (!ALLOWED.has(`${rel}: ${dynamicKey(c.arg)}`)) dynamic.push(`${rel}:${c.line}: ${c.arg}`);
      }
    }
    expect(dynamic).toEqual([]);
    // the scan really saw the code base
    expect(literal).toBeGreaterThan(40);
  });
});

// ---------------------------------------------------------------------------------------------
// 2–4. File modes, network, paths in CSV content

let dir: string;
let cleanup: () => void;
let env: NodeJS.ProcessEnv;
beforeAll(() => {
  ({ dir, cleanup } = tempDir("dzkj-security-"));
  env = testEnv(dir, { DZKJ_NOW: "2020-10-15T08:00:00Z" });
});
afterAll(() => cleanup());

/** Runs dzkj under a shell with umask 000, so that only dzkj's own choice of mode counts. */
function dzkjUmask0(args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync("sh", ["-c", 'umask 000; exec "$0" "$@"', process.execPath, BIN, ...args], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, stderr: r.stderr };
}

describe("files are private (0600) even with umask 000", () => {
  it("the database, a backup and an export", () => {
    const db = join(dir, "modes", "dzkj.db");
    expect(dzkjUmask0(["--db", db, "init"]).code).toBe(0);
    expect(dzkjUmask0(["--db", db, "import", PROGRESS_FIXTURES[0]!]).code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const copy = join(dir, "modes", "copy.db");
    expect(dzkjUmask0(["--db", db, "backup", copy]).code).toBe(0);
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const out = join(dir, "modes", "export");
    expect(dzkjUmask0(["--db", db, "export", out]).code).toBe(0);
    for (const f of readdirSync(out)) expect(statSync(join(out, f)).mode & 0o777, f).toBe(0o600);
    expect(statSync(out).mode & 0o077).toBe(0);
  });
});

/**
 * A preload that makes every network entry point throw and records the attempt: TCP/IPC sockets
 * (net.Socket#connect, behind http, https, fetch), DNS lookups and UDP sockets.
 */
const TRAP = `
import fs from "node:fs";
import net from "node:net";
import dns from "node:dns";
import dgram from "node:dgram";
const log = process.env.NET_TRAP_LOG;
const trap = (what) => () => { fs.appendFileSync(log, what + "\\n"); throw new Error("network forbidden: " + what); };
net.Socket.prototype.connect = trap("net.Socket.connect");
net.connect = net.createConnection = trap("net.connect");
dns.lookup = trap("dns.lookup");
dns.resolve = trap("dns.resolve");
dns.promises.lookup = trap("dns.promises.lookup");
dgram.createSocket = trap("dgram.createSocket");
`;

describe("dzkj never opens a network connection", () => {
  it("every command runs with the network trapped, and the trap does catch a connection", () => {
    const trap = join(dir, "net-trap.mjs");
    writeFileSync(trap, TRAP);
    const log = join(dir, "net.log");
    const trapped = { ...env, NODE_OPTIONS: `--import=${trap}`, NET_TRAP_LOG: log };
    // control: the trap works
    const control = spawnSync(
      process.execPath,
      ["-e", "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"],
      { env: trapped, encoding: "utf8" },
    );
    expect(control.status).not.toBe(0);
    expect(readFileSync(log, "utf8")).toMatch(/^net\./);
    writeFileSync(log, "");

    const db = join(dir, "net.db");
    const run = (...args: string[]) => dzkj(["--db", db, ...args], { env: trapped });
    const steps: string[][] = [
      ["init"],
      ["import", ...PROGRESS_FIXTURES],
      ["report", "--format", "json"],
      ["status"],
      ["units"],
      ["plan"],
      ["imports"],
      ["history", "key_tech_projects"],
      ["completeness"],
      ["trend", "key_tech_projects"],
      ["tasks"],
      ["task", "show", "1"],
      ["template", "--unit", "tongchuan", "--period", "2020Q4"],
      ["doctor"],
      ["backup", join(dir, "net-copy.db")],
      ["export", join(dir, "net-export")],
      ["--help"],
    ];
    for (const s of steps) expect(run(...s).code, s.join(" ")).toBe(0);
    expect(readFileSync(log, "utf8")).toBe("");
  }, 60_000);
});

describe("paths written in a CSV are never opened", () => {
  it("a CSV naming a FIFO, /dev/stdin and a URL imports without touching them", () => {
    // Opening a FIFO for reading blocks until a writer comes: if dzkj opened it, this test would hang.
    const fifo = join(dir, "canary.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    mkdirSync(join(dir, "paths"), { recursive: true });
    const csv = join(dir, "paths", "paths.csv");
    writeFileSync(
      csv,
      [
        "period,unit,indicator,value,basis,note",
        `2020Q1,tongchuan,key_tech_projects,2,ytd,${fifo}`,
        `2020Q1,dachuan,key_tech_projects,1,ytd,file://${fifo}`,
        "2020Q1,xuanhan,key_tech_projects,1,ytd,/dev/stdin",
        "2020Q1,kaijiang,key_tech_projects,1,ytd,http://127.0.0.1:9/x.csv",
        "",
      ].join("\n"),
    );
    const db = join(dir, "paths.db");
    expect(dzkj(["--db", db, "init"], { env }).code).toBe(0);
    const r = dzkj(["--db", db, "import", csv], { env });
    expect(r.code).toBe(0);
    // a path in a column that names a unit or an indicator is just an unknown name
    const bad = join(dir, "paths", "bad.csv");
    writeFileSync(bad, `period,unit,indicator,value\n2020Q1,${fifo},${fifo},1\n`);
    const b = dzkj(["--db", db, "--lang", "en", "import", bad], { env });
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`unit: ${fifo}`);
    expect(existsSync(fifo)).toBe(true);
  }, 30_000);
});
