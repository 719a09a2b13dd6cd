import { z } from "zod";
import { frenchTypography } from "@/lib/i18n/french-typography";
import { findRealHosts } from "./check-domains";
import { checkMessageHtml, collapseSpaces, visibleText } from "./check-message-html";

export const LINK_PLACEHOLDER = "{{lien}}";

export const clueKinds = ["sender", "urgency", "link", "request", "pressure", "attachment"] as const;
export const messageParts = ["sender", "subject", "body"] as const;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and hyphens (e.g. dpi-mise-a-jour)");
const text = z.string().trim().min(1, "must not be empty");

const clueSchema = z
  .object({
    kind: z.enum(clueKinds),
    /** Where the excerpt is: the sender line ("Name <address>"), the subject or the text body. */
    part: z.enum(messageParts),
    /** The exact words of the message this clue marks. */
    excerpt: text.max(200),
    /** What to notice, in French, addressed to the reader. */
    text: text.max(400),
  })
  .strict();

export const phishingScenarioSchema = z
  .object({
    id: slug,
    /** How a manager recognises the scenario when choosing one. */
    title: text.max(80),
    senderName: text.max(80),
    senderAddress: z.string().regex(/^[a-z0-9._+-]+@[a-z0-9.-]+$/, "must be an e-mail address in lower case"),
    subject: text.max(160),
    text,
    html: text,
    landing: z.object({ title: text.max(120), explanation: text.max(1500) }).strict(),
    clues: z.array(clueSchema).min(3, "needs at least three clues").max(8, "needs at most eight clues"),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    for (const part of ["text", "html"] as const) {
      const count = scenario[part].split(LINK_PLACEHOLDER).length - 1;
      if (count !== 1)
        ctx.addIssue({
          code: "custom",
          path: [part],
          message: `must contain ${LINK_PLACEHOLDER} exactly once (found ${count})`,
        });
    }
    for (const problem of checkMessageHtml(scenario.html))
      ctx.addIssue({ code: "custom", path: ["html"], message: problem });
    // The file is scanned as written; this catches a name hidden behind entities (ameli&#46;fr).
    for (const host of findRealHosts(visibleText(scenario.html))) {
      ctx.addIssue({
        code: "custom",
        path: ["html"],
        message: `names "${host}", which could exist: use a .invalid name or example.com/.net/.org`,
      });
    }
    scenario.clues.forEach((clue, index) => {
      const problem = checkExcerpt(scenario, clue);
      if (problem) ctx.addIssue({ code: "custom", path: ["clues", index, "excerpt"], message: problem });
    });
    for (const part of messageParts) {
      const overlap = findOverlap(
        partText(scenario, part),
        scenario.clues.filter((clue) => clue.part === part).map((clue) => clue.excerpt),
      );
      if (overlap)
        ctx.addIssue({
          code: "custom",
          path: ["clues"],
          message: `excerpts "${overlap[0]}" and "${overlap[1]}" overlap in the ${part}`,
        });
    }
  });

export type PhishingScenarioFile = z.infer<typeof phishingScenarioSchema>;
type ClueFile = PhishingScenarioFile["clues"][number];

/** The text a clue's excerpt is searched in: the sender line, the subject or the text body. */
export function partText(
  scenario: Pick<PhishingScenarioFile, "senderName" | "senderAddress" | "subject" | "text">,
  part: ClueFile["part"],
): string {
  if (part === "sender") return `${scenario.senderName} <${scenario.senderAddress}>`;

  return part === "subject" ? scenario.subject : scenario.text;
}

function checkExcerpt(scenario: PhishingScenarioFile, clue: ClueFile): string | undefined {
  const where = partText(scenario, clue.part);
  if (!where.includes(clue.excerpt))
    return `"${clue.excerpt}" does not occur in the ${clue.part === "body" ? "text body" : clue.part}`;
  // The marks are placed on the text as shown, with French spacing applied.
  if (!frenchTypography(where).includes(frenchTypography(clue.excerpt)))
    return `"${clue.excerpt}" must start and end on a word, not next to ; : ! ?`;
  if (
    clue.part === "body" &&
    !clue.excerpt.includes(LINK_PLACEHOLDER) &&
    !visibleText(scenario.html).includes(collapseSpaces(clue.excerpt))
  ) {
    return `"${clue.excerpt}" occurs in the text body but not in the HTML body (clues mark what both readers see)`;
  }

  return undefined;
}

function findOverlap(where: string, excerpts: string[]): [string, string] | undefined {
  const spans = excerpts
    .map((excerpt) => ({ excerpt, start: where.indexOf(excerpt), end: where.indexOf(excerpt) + excerpt.length }))
    .filter((span) => span.start >= 0)
    .sort((a, b) => a.start - b.start);
  for (let index = 1; index < spans.length; index++) {
    if (spans[index]!.start < spans[index - 1]!.end) return [spans[index - 1]!.excerpt, spans[index]!.excerpt];
  }

  return undefined;
}
