"use client";

/** Prints the page as it is laid out for paper (the incident sheet, a join code poster); hidden in print itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
