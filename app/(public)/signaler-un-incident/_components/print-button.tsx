"use client";

/** Prints the page as it is laid out for paper (see incident-sheet.css); hidden in print itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
