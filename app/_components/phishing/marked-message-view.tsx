import { frenchTypography } from "@/lib/i18n/french-typography";
import type { MarkedMessage, MarkedSegment } from "@/lib/phishing/mark-clues";

export type MarkedMessageLabels = {
  caption: string;
  from: string;
  subject: string;
  cluesHeading: string;
  /** What a screen reader hears on a mark's number, e.g. "Indice 2". */
  clueReference: (number: number) => string;
  showInMessage: string;
  kinds: Record<MarkedMessage["clues"][number]["kind"], string>;
};

/**
 * A phishing message with its clues marked: each marked passage is highlighted, outlined and
 * followed by its number, a link to the clue in the list below, which links back. Colour is
 * never the only sign, and the keyboard reaches every mark.
 */
export function MarkedMessageView({
  marked,
  labels,
  idPrefix = "indice",
  headingLevel = 2,
}: {
  marked: MarkedMessage;
  labels: MarkedMessageLabels;
  idPrefix?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const segments = (list: MarkedSegment[]) =>
    list.map((segment, index) =>
      segment.clueNumber === undefined ? (
        segment.text
      ) : (
        <mark key={index} id={`${idPrefix}-${segment.clueNumber}-marque`} tabIndex={-1} className="phishing-mark">
          {segment.text}
          <a
            href={`#${idPrefix}-${segment.clueNumber}`}
            className="phishing-mark__number"
            aria-label={labels.clueReference(segment.clueNumber)}
          >
            {segment.clueNumber}
          </a>
        </mark>
      ),
    );

  return (
    <div className="phishing-marked">
      <figure className="phishing-message">
        <figcaption className="phishing-message__caption">{labels.caption}</figcaption>
        <dl className="phishing-message__head">
          <dt>{labels.from}</dt>
          <dd>{segments(marked.sender)}</dd>
          <dt>{labels.subject}</dt>
          <dd>{segments(marked.subject)}</dd>
        </dl>
        <div className="phishing-message__body">{segments(marked.body)}</div>
      </figure>
      <Heading>{labels.cluesHeading}</Heading>
      <ol className="phishing-clues">
        {marked.clues.map((clue) => (
          <li key={clue.number} id={`${idPrefix}-${clue.number}`} tabIndex={-1}>
            <p className="phishing-clues__head">
              <span className="phishing-clues__number">{clue.number}</span> <strong>{labels.kinds[clue.kind]}</strong>
            </p>
            <p>{frenchTypography(clue.text)}</p>
            <a href={`#${idPrefix}-${clue.number}-marque`}>
              {labels.showInMessage}
              <span className="visually-hidden"> ({labels.clueReference(clue.number)})</span>
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
