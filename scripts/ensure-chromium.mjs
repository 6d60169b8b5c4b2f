// Run before `npm test`: the HTML report test renders the report in headless Chromium (Debian's
// `chromium` package). On a fresh machine where we are root with apt-get (CI, a new workstation
// VM), install it so that `npm install && npm test` works with nothing installed by hand; anywhere
// else, say what to install. Never fails by itself: the HTML test then fails with the same hint.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const found = process.env.DZKJ_CHROMIUM || CANDIDATES.find((p) => existsSync(p));
if (!found) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = existsSync("/usr/bin/apt-get");
  if (root && apt) {
    process.stderr.write("pretest: installing Debian's chromium for the HTML report test (apt-get)…\n");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const run = (args) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status;
    if (run(["update", "-qq"]) !== 0 || run(["install", "-y", "-qq", "chromium"]) !== 0)
      process.stderr.write("pretest: apt-get could not install chromium; the HTML test will fail\n");
  } else {
    process.stderr.write(
      "pretest: Chromium not found; the HTML report test needs it: apt-get install chromium (or set DZKJ_CHROMIUM)\n",
    );
  }
}
