// Run before `npm test`: two tests need a real program besides Node. The HTML report test renders
// the report in headless Chromium (Debian's `chromium`), and the xlsx tests have LibreOffice read
// the workbooks back (`soffice`, Debian's `libreoffice-calc-nogui`, with `fonts-noto-cjk` so the
// Chinese text has a font). On a fresh machine where we are root with apt-get (CI, a new
// workstation VM), install what is missing so that `npm install && npm test` works with nothing
// installed by hand; anywhere else, say what to install. Never fails by itself: the test that
// needs the program then fails with the same hint.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const TOOLS = [
  {
    name: "Chromium",
    test: "the HTML report test",
    found:
      process.env.DZKJ_CHROMIUM ||
      ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p)),
    packages: ["chromium"],
    hint: "apt-get install chromium (or set DZKJ_CHROMIUM)",
  },
  {
    name: "LibreOffice",
    test: "the xlsx read-back tests",
    found: ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p)),
    packages: ["libreoffice-calc-nogui", "fonts-noto-cjk"],
    hint: "apt-get install libreoffice-calc-nogui fonts-noto-cjk",
  },
];

const missing = TOOLS.filter((t) => !t.found);
if (missing.length) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = existsSync("/usr/bin/apt-get");
  if (root && apt) {
    const packages = missing.flatMap((t) => t.packages);
    process.stderr.write(
      `pretest: installing Debian's ${packages.join(", ")} for ${missing.map((t) => t.test).join(" and ")} (apt-get)…\n`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const run = (args) => spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env }).status;
    if (run(["update", "-qq"]) !== 0 || run(["install", "-y", "-qq", ...packages]) !== 0)
      process.stderr.write(
        `pretest: apt-get could not install ${packages.join(", ")}; ${missing.map((t) => t.test).join(" and ")} will fail\n`,
      );
  } else {
    for (const t of missing)
      process.stderr.write(`pretest: ${t.name} not found; ${t.test} need(s) it: ${t.hint}\n`);
  }
}
