import frCertificates from "@/lib/i18n/messages/fr/certificates.json";
import enCertificates from "@/lib/i18n/messages/en/certificates.json";
import { withFrenchTypography } from "@/lib/i18n/french-typography";

// Two texts, not the whole catalogue: the proxy imports this on every request's path.
const TEXTS = { fr: withFrenchTypography(frCertificates.verification), en: enCertificates.verification };

/**
 * The 429 answer to a client past the verification limit: a small page of its own (a page
 * component cannot set a status), in the visitor's language, with when to try again.
 */
export function verificationRefusedResponse(
  retryAfterSeconds: number,
  locale: string | undefined,
  policy: string,
): Response {
  const english = locale === "en";
  const texts = TEXTS[english ? "en" : "fr"];
  const html = `<!doctype html><html lang="${english ? "en" : "fr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${texts.metaTitle} — Vigie</title></head><body><main><h1>${texts.title}</h1><p role="alert">${texts.rateLimited}</p></main></body></html>`;

  return new Response(html, {
    status: 429,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
      "content-security-policy": policy,
      "x-robots-tag": "noindex, nofollow",
    },
  });
}
