// The executable's entry (bundled to dist/cli.cjs, loaded by bin/dzkj.js): run dzkj with the
// process's arguments.
import { main } from "./main.js";

// `dzkj report | head` closes the pipe early: that is the reader's choice, not an error to report
// with a stack trace. Stop quietly, as cat and grep do.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

// no top-level await: the bundle is CommonJS (see scripts/build.mjs)
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
