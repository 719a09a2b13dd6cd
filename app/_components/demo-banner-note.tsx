/** The banner itself, also drawn by the prerendered shell once the state route says the mode. */
export function DemoBannerNote({ text }: { text: string }) {
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {text}
    </p>
  );
}
