// Makes sure the Chromium that Playwright drives is installed (browsers cannot be downloaded
// here, so Debian's package is used). Installs it when run as root on Debian; otherwise
// stops with the one command that installs it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const executable = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(executable)) process.exit(0);

const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && !process.env.CHROMIUM_PATH;
if (!canInstall) {
  console.error(`Chromium was not found at ${executable}.`);
  console.error("Install it with: sudo apt-get update && sudo apt-get install -y chromium");
  console.error("or set CHROMIUM_PATH to a Chromium or Chrome executable.");
  process.exit(1);
}

console.log("Chromium is missing: installing Debian's chromium package…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
