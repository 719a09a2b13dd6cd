import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { CourseContentError, type ContentIssue } from "@/lib/courses/content-error";
import { parseYamlWith } from "@/lib/courses/parse-files";
import { findRealHosts } from "./check-domains";
import { phishingScenarioSchema, type clueKinds, type messageParts } from "./scenario-schema";

export { renderPhishingMessage } from "./render-phishing-message";

export type PhishingClue = {
  kind: (typeof clueKinds)[number];
  /** Where `excerpt` is: the sender line ("Name <address>"), the subject or the text body. */
  part: (typeof messageParts)[number];
  /** The exact words of the message the clue marks. */
  excerpt: string;
  /** What to notice, in French. */
  text: string;
};

export type PhishingScenario = {
  id: string;
  title: string;
  senderName: string;
  senderAddress: string;
  subject: string;
  /** Text and HTML bodies, each with the {{lien}} placeholder exactly once. */
  text: string;
  html: string;
  landing: { title: string; explanation: string };
  clues: PhishingClue[];
};

export const DEFAULT_PHISHING_DIR = path.join(process.cwd(), "courses", "phishing");

/**
 * Loads and checks every courses/phishing/<id>.yaml, sorted by id. Throws a CourseContentError
 * listing every problem (file, field, reason) when anything is wrong.
 */
export function loadPhishingScenarios(dir: string = DEFAULT_PHISHING_DIR): PhishingScenario[] {
  const issues: ContentIssue[] = [];
  const scenarios: PhishingScenario[] = [];
  const fileNames = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".yaml"))
        .sort()
    : [];
  for (const fileName of fileNames) {
    const file = `courses/phishing/${fileName}`;
    const source = readFileSync(path.join(dir, fileName), "utf8");
    // Every name in the file counts, comments included: a real domain must not even be drafted here.
    for (const host of findRealHosts(source)) {
      issues.push({
        file,
        field: "",
        reason: `names "${host}", which could exist: use a .invalid name or example.com/.net/.org`,
      });
    }
    const parsed = parseYamlWith(file, source, phishingScenarioSchema);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    if (`${parsed.value.id}.yaml` !== fileName)
      issues.push({ file, field: "id", reason: `must equal the file name "${fileName.slice(0, -5)}"` });
    scenarios.push(parsed.value);
  }
  if (issues.length > 0) throw new CourseContentError(issues);

  return scenarios.sort((a, b) => a.id.localeCompare(b.id));
}

let cached: PhishingScenario[] | undefined;

/** The scenarios, loaded and checked once per process (they ship with the build). */
export function listPhishingScenarios(): PhishingScenario[] {
  if (process.env.NODE_ENV === "development") return loadPhishingScenarios();
  cached ??= loadPhishingScenarios();

  return cached;
}

export function getPhishingScenario(id: string): PhishingScenario | undefined {
  return listPhishingScenarios().find((scenario) => scenario.id === id);
}
