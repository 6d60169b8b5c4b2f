#!/usr/bin/env node
// Loads the bundled CLI (dist/cli.cjs) through a V8 code cache, and nothing else.
//
// Node 20 has no compile cache of its own (module.enableCompileCache came in Node 22): without one,
// every start parses and compiles the bundle again. V8 can save the compiled code of a script and
// take it back at the next start (vm.Script cachedData), which skips that work: about 60 ms of
// `dzkj report`'s start-up (docs/benchmarks.md). The cache sits next to the bundle, named after
// V8's version and the bundle; V8 itself refuses a cache made by another version, other flags or another bundle,
// and then this run writes a fresh one when it exits. The cache is only ever an optimisation:
// unreadable, unwritable or refused, dzkj runs the same, only slower. DZKJ_CODE_CACHE=0 turns it off.
//
// This file is CommonJS (bin/package.json): an ES module entry would start Node's ES module
// loader, ~15 ms more.
"use strict";
const { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const file = join(__dirname, "..", "dist", "cli.cjs");
const useCache = process.env.DZKJ_CODE_CACHE !== "0";
// V8 checks a cache's version and flags, but of the source only its length: the bundle's size and
// modification time in the name keep a cache from ever meeting a different bundle of the same length.
let stat;
try {
  stat = statSync(file);
} catch {
  // installed with --ignore-scripts, or a checkout never built: say what to do, not a stack trace
  process.stderr.write(`dzkj: ${file} is missing: run \`npm run build\` in ${join(__dirname, "..")}\n`);
  process.exit(1);
}
const { size, mtimeMs } = stat;
const cacheFile = `${file}.v8-${process.versions.v8}-${size}-${Math.trunc(mtimeMs)}.cache`;
let cachedData;
if (useCache) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
}
// the same wrapper Node puts around a CommonJS module, so the bundle sees require, module, __filename
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
const script = new Script(source, { filename: file, cachedData });
if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
  // Written at exit, so that the cache holds every function this run compiled, not only the top level.
  process.once("exit", () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile); // atomic: a concurrent dzkj reads the old cache or the new one
    } catch {
      try {
        unlinkSync(tmp);
      } catch {}
    }
  });
}
const bundle = new Module(file, module);
bundle.filename = file;
bundle.paths = Module._nodeModulePaths(dirname(file));
script.runInThisContext()(bundle.exports, Module.createRequire(file), bundle, file, dirname(file));
