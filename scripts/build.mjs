// Bundles the CLI with esbuild: one ESM entry plus lazily loaded chunks per command,
// so `dzkj --help` does not pay for csv-parse, zod or the renderers it never uses.
// better-sqlite3 stays external (native addon); everything else is bundled to cut
// module-resolution time at start-up.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: "src/cli/run.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3"],
  banner: {
    js: "import { createRequire as __dzkjCreateRequire } from 'node:module'; const require = __dzkjCreateRequire(import.meta.url);",
  },
  logLevel: "warning",
  legalComments: "none",
  // Smaller files parse faster at every start; identifiers are kept so that a stack trace of a
  // genuine bug (DZKJ_DEBUG=1) still names the functions.
  minifyWhitespace: true,
  minifySyntax: true,
});
