// The executable's entry (bundled to dist/cli.js): run dzkj with the process's arguments.
import { main } from "./main.js";

process.exitCode = await main(process.argv.slice(2));
