// Bundles the CLI with esbuild into one CommonJS file, dist/cli.cjs, and warms its V8 code cache.
//
// Why CommonJS and one file (measured with `node --cpu-prof` and `npm run bench`, see
// docs/benchmarks.md): Node 20 compiles every ES module from source at every start
// (compileSourceTextModule ~19 ms for our ~20 chunks, plus ~20 ms of ESM loader and resolution),
// and it has no compile cache for ES modules. A CommonJS file can be compiled with a V8 code cache
// (bin/dzkj.js does that), which skips parsing and compiling at start-up altogether:
// `dzkj report` 244 → ~160 ms against ~115–135 ms for `node -e 0`.
//
// What a command does not need stays out of the way: commands are loaded lazily (esbuild turns each
// `import()` into a module initialised on first use), and the two big libraries only an import or a
// plan load needs, iconv-lite (GB18030 tables, ~500 KB), zod (~580 KB), SheetJS (@e965/xlsx,
// ~1 MB, only to read a workbook), exceljs with jszip (only to write one) and mammoth (.docx for
// plan extract), are not bundled but required from node_modules when first used.
// better-sqlite3's JavaScript is bundled; its addon is
// loaded by path (src/storage/database.ts nativeBinding), so `bindings` is only a fallback.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * Two libraries load Node modules at start-up that dzkj never uses, ~10 ms of every start
 * (measured: node:child_process 6 ms, node:tty 4 ms). commander requires node:child_process for
 * subcommands run as separate programs, which dzkj does not have: it gets a stand-in that loads the
 * real module only if it is ever used. chalk detects the terminal's colours through supports-color
 * (node:tty, node:os), but dzkj decides colour itself (a terminal and NO_COLOR unset,
 * src/cli/context.ts) and always passes an explicit level: it gets a detector that finds none.
 */
const trimStartup = {
  name: "trim-startup",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes("commander") ? { path: "child_process", namespace: "stub" } : undefined,
    );
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "stub" }));
    b.onLoad({ filter: /^child_process$/, namespace: "stub" }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: "js",
    }));
    b.onLoad({ filter: /^supports-color$/, namespace: "stub" }, () => ({
      contents: "export default { stdout: false, stderr: false };",
      loader: "js",
    }));
  },
};

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  entryPoints: [join(root, "src/cli/run.ts")],
  outfile: join(root, "dist/cli.cjs"),
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["bindings", "iconv-lite", "zod", "exceljs", "jszip", "@e965/xlsx", "mammoth"],
  // import.meta.url (used to find the package's folder) has no CommonJS form: give it one
  define: {
    "import.meta.url": "__dzkjModuleUrl",
    // the version for --version, without reading package.json at every start
    __DZKJ_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version),
  },
  banner: { js: "const __dzkjModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [trimStartup],
  logLevel: "warning",
  legalComments: "none",
  // Smaller files parse faster when there is no cache yet; identifiers are kept so that a stack
  // trace of a genuine bug (DZKJ_DEBUG=1) still names the functions.
  minifyWhitespace: true,
  minifySyntax: true,
});

// Warm the code cache with a real command on an existing database, as most runs are: `init` first
// without a cache (so the one-off creation and migration code is not in it), then `status`, which
// runs the report and the task code and writes the cache when it exits. So `npm install` leaves a
// fast first start.
const tmp = mkdtempSync(join(tmpdir(), "dzkj-build-"));
try {
  const warm = (args, env) =>
    execFileSync(process.execPath, [join(root, "bin/dzkj.js"), "--db", join(tmp, "warm.db"), ...args], {
      stdio: "ignore",
      env: { ...process.env, NO_COLOR: "1", ...env },
    });
  warm(["init"], { DZKJ_CODE_CACHE: "0" });
  warm(["status"], {});
} catch {
  // a failed warm-up only costs the first real run its speed: it writes the cache instead
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
