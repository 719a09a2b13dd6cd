// A French number as people write it: 04 91 00 00 00, 04.91.00.00.00, +33 4 91 00 00 00, 0033 4…
const WRITTEN_AS = /^\+?[\d\s.-]+$/;
const NATIONAL = /^(?:0|\+33|0033)([1-9]\d{8})$/;

function significantDigits(value: string): string | null {
  if (!WRITTEN_AS.test(value)) return null;

  return NATIONAL.exec(value.replace(/[\s.-]/g, ""))?.[1] ?? null;
}

/** True for a ten-digit French number, written with spaces, dots or dashes, or from abroad (+33). */
export function isFrenchPhone(value: string): boolean {
  return significantDigits(value) !== null;
}

/** The `tel:` link of a French number, in international form so that it dials from any phone. */
export function frenchPhoneHref(value: string): string | null {
  const digits = significantDigits(value);

  return digits ? `tel:+33${digits}` : null;
}
