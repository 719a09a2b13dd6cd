// npm run courses:export-scorm [module…] — writes SCORM 1.2 packages under scorm-packages/.
import path from "node:path";
import { DEFAULT_COURSES_DIR, loadCatalogue } from "@/lib/courses/load-catalogue";
import { exportPackages } from "./export-packages";

const OUTPUT_FOLDER = "scorm-packages";

try {
  const packages = exportPackages(loadCatalogue(DEFAULT_COURSES_DIR), OUTPUT_FOLDER, process.argv.slice(2));
  for (const built of packages) {
    console.log(
      `${path.join(OUTPUT_FOLDER, built.fileName)}  ${Math.round(built.zip.byteLength / 1024)} KB  ${built.identifier}`,
    );
  }
  console.log(`${packages.length} SCORM 1.2 package(s) in ${OUTPUT_FOLDER}/`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
