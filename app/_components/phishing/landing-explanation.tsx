import { frenchTypography } from "@/lib/i18n/french-typography";

/** A scenario's landing explanation (plain text, paragraphs split by a blank line). */
export function LandingExplanation({ text }: { text: string }) {
  return (
    <div className="phishing-explanation">
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{frenchTypography(paragraph)}</p>
        ))}
    </div>
  );
}
