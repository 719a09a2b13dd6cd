// npm run courses:check — validates every course file and its quiz rules; npm run courses:lock — records versions.
import { CourseContentError, formatIssue } from "./content-error";
import { checkVersions, readVersionLock, writeVersionLock } from "./check-versions";
import { checkCourseRules, longestRightCount, shortestRightCount } from "./check-rules";
import { DEFAULT_COURSES_DIR, loadCatalogue } from "./load-catalogue";
import { loadPhishingScenarios } from "../phishing/scenarios";

const command = process.argv[2] ?? "check";
try {
  const catalogue = loadCatalogue(DEFAULT_COURSES_DIR);
  const scenarios = loadPhishingScenarios();
  if (command === "lock") {
    writeVersionLock(DEFAULT_COURSES_DIR, catalogue);
    console.log(`Recorded ${catalogue.modules.length} module(s) and ${catalogue.paths.length} path(s) in courses/versions.lock.json`);
    process.exit(0);
  }
  for (const module of catalogue.modules) {
    const { longest, total } = longestRightCount(module);
    const { shortest } = shortestRightCount(module);
    console.log(
      `${module.id} v${module.version}: ${module.readingWords} words, ${module.decisions} decisions, ` +
        `${module.estimatedMinutes.toFixed(1)} min (shown "Durée : ${module.durationMinutes} min"), ` +
        `right answer longest in ${longest.length}/${total} (${total ? Math.round((100 * longest.length) / total) : 0} %), ` +
        `shortest in ${shortest.length}/${total}`,
    );
  }
  const issues = [...checkCourseRules(catalogue), ...checkVersions(catalogue, readVersionLock(DEFAULT_COURSES_DIR))];
  if (issues.length > 0) {
    console.error(issues.map(formatIssue).join("\n"));
    process.exit(1);
  }
  console.log(`OK: ${catalogue.modules.length} module(s), ${catalogue.paths.length} path(s), ${scenarios.length} phishing scenario(s).`);
} catch (error) {
  console.error(error instanceof CourseContentError ? error.message : error);
  process.exit(1);
}
