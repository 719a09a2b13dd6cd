import { frenchTypography } from "@/lib/i18n/french-typography";
import { LINK_PLACEHOLDER } from "./scenario-schema";
import { partText } from "./scenario-schema";
import type { PhishingScenario } from "./scenarios";

export type MarkedSegment = { text: string; clueNumber?: number };
export type MarkedMessage = {
  sender: MarkedSegment[];
  subject: MarkedSegment[];
  body: MarkedSegment[];
  /** The clues in the order of their numbers, which is their order in the message. */
  clues: Array<PhishingScenario["clues"][number] & { number: number }>;
};

const PART_ORDER = { sender: 0, subject: 1, body: 2 } as const;

/**
 * The message as a landing page shows it: each part cut into plain and marked segments, French
 * spacing applied, {{lien}} replaced by `link`. Clues are numbered in reading order.
 */
export function markClues(scenario: PhishingScenario, link: string): MarkedMessage {
  const shown = (text: string) => frenchTypography(text);
  const located = scenario.clues
    .map((clue) => ({ clue, start: shown(partText(scenario, clue.part)).indexOf(shown(clue.excerpt)) }))
    .sort((a, b) => PART_ORDER[a.clue.part] - PART_ORDER[b.clue.part] || a.start - b.start);
  const clues = located.map(({ clue }, index) => ({ ...clue, number: index + 1 }));
  const segmentsOf = (part: keyof typeof PART_ORDER) =>
    cut(
      shown(partText(scenario, part)),
      clues.filter((clue) => clue.part === part).map((clue) => ({ excerpt: shown(clue.excerpt), number: clue.number })),
    ).map((segment) => ({ ...segment, text: segment.text.replaceAll(LINK_PLACEHOLDER, () => link) }));

  return { sender: segmentsOf("sender"), subject: segmentsOf("subject"), body: segmentsOf("body"), clues };
}

function cut(text: string, marks: Array<{ excerpt: string; number: number }>): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let position = 0;
  for (const mark of marks) {
    // The loader guarantees every excerpt occurs and none overlap; a stale one is left unmarked.
    const start = text.indexOf(mark.excerpt, position);
    if (start < 0) continue;
    if (start > position) segments.push({ text: text.slice(position, start) });
    segments.push({ text: mark.excerpt, clueNumber: mark.number });
    position = start + mark.excerpt.length;
  }
  if (position < text.length) segments.push({ text: text.slice(position) });

  return segments;
}
