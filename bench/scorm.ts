// npm run bench:scorm — builds every SCORM 1.2 package (each module, each path) as the export does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { exportPackages } from "@/lib/scorm/export-packages";

const catalogue = loadCatalogue();
const folder = mkdtempSync(path.join(tmpdir(), "vigie-scorm-"));
try {
  // The player's shared files are read once per process: the first build pays for it, as in the app.
  const started = performance.now();
  const packages = exportPackages(catalogue, folder);
  const buildMs = performance.now() - started;
  for (const built of packages)
    console.log(`${built.fileName}: ${(built.zip.byteLength / 1024).toFixed(1)} KB, ${built.files.size} files`);
  const largest = Math.max(...packages.map((built) => built.zip.byteLength));
  console.log(
    JSON.stringify({
      packages: packages.length,
      largest_kb: Math.round(largest / 1024),
      build_ms: Math.round(buildMs),
    }),
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
