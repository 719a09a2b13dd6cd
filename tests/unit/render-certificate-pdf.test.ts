import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";
import { typicalCertificate } from "../support/certificate-data";
import { changedColumns, changedPixels, countBlocks, hasPdftoppm, render } from "../support/certificate-render";

const certificate = typicalCertificate;
const NAMES = [
  "Françoise Lefèvre-Nguyễn",
  "Zoë Œuvray",
  "Ōtake Ŵilliam",
  "Ærøskøbing-Ðorđević",
  "Анна Каренина",
  "<script>alert(1)</script>",
  "(Dupont) \\ Marie",
  "%PDF-1.7 endobj",
];
const ARABIC_NAME = "فاطمة الزهراء";
const A4_LANDSCAPE = [841.89, 595.28];
const QR_CODE_LEFT = 841.89 - 72 - 88;
const LONG_CODE = "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f"; // 43 base64url characters

async function textOf(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given.
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });

  return text;
}

describe("renderCertificatePdf", () => {
  it.each(NAMES)("prints the name %s exactly as typed", async (learnerName) => {
    const text = await textOf(await renderCertificatePdf({ ...certificate, learnerName }));

    expect(text).toContain(` ${learnerName} `);
  });

  it("prints an Arabic name with the fallback font, in reading order", async () => {
    const text = await textOf(await renderCertificatePdf({ ...certificate, learnerName: ARABIC_NAME }));

    // The glyphs are drawn in visual (right-to-left) order and pdf.js's bidi step puts the
    // letters back in logical order, so the exact name is found, not only its letters.
    expect(text).toContain(ARABIC_NAME);
  });

  it("shows the subject, establishment, date, duration, code and link in French", async () => {
    const text = await textOf(await renderCertificatePdf(certificate));

    for (const expected of [
      "Certificat de réussite",
      "décerné à",
      "pour avoir suivi le module Attention aux clés USB",
      "version 3",
      "le 29 novembre 2026",
      "Durée : 7 min",
      "Établissement : Centre hospitalier de Saint-Étienne",
      "Code de vérification K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
      "Vérifier ce certificat : https://vigie.example.org/certificat/K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("speaks English for a path when asked, with the date in Paris time", async () => {
    const completedAt = new Date("2026-02-28T23:30:00Z"); // already 1 March in Paris
    const english = { ...certificate, completedAt, subjectKind: "path", durationMinutes: 95, locale: "en" } as const;
    const bytes = await renderCertificatePdf(english);
    const text = await textOf(bytes);

    expect(text).toContain("Certificate of completion");
    expect(text).toContain("for completing the learning path Attention aux clés USB");
    expect(text).toContain("on 1 March 2026");
    expect(text).toContain("Duration: 1 h 35 min");
    expect(text).not.toContain("Certificat de réussite");
  });

  it("writes 1er for the first day of a month in French", async () => {
    const text = await textOf(
      await renderCertificatePdf({ ...certificate, completedAt: new Date("2026-03-01T12:00:00Z") }),
    );

    expect(text).toContain("le 1er mars 2026");
  });

  it("sets the title, author, subject, dates and language", async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(certificate), { updateMetadata: false });

    expect(doc.getTitle()).toBe("Certificat — Françoise Lefèvre-Nguyễn — Attention aux clés USB");
    expect(doc.getAuthor()).toBe("Vigie");
    expect(doc.getSubject()).toContain("Attention aux clés USB");
    expect(doc.getCreator()).toBe("Vigie");
    expect(doc.getCreationDate()).toEqual(certificate.issuedAt);
    expect(doc.getModificationDate()).toEqual(certificate.issuedAt);
    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("fr-FR");
  });

  it("declares en-GB for an English certificate", async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf({ ...certificate, locale: "en" }));

    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("en-GB");
    expect(doc.getTitle()).toMatch(/^Certificate — /);
  });

  it("is one A4 landscape page", async () => {
    const doc = await PDFDocument.load(await renderCertificatePdf(certificate));

    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([width, height]).toEqual(A4_LANDSCAPE);
  });

  it("gives byte-identical files for the same data, and different ones for another code", async () => {
    const [first, second, other] = await Promise.all([
      renderCertificatePdf(certificate),
      renderCertificatePdf({ ...certificate }),
      renderCertificatePdf({ ...certificate, code: "ZZZZM9XW4TBZ8RJ5HN3PVD6YCA" }),
    ]);

    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(Buffer.from(other))).toBe(false);
  });

  it("stays under 25 KB, even with Cyrillic and Arabic fallback fonts", async () => {
    const typical = await renderCertificatePdf(certificate);
    const mixed = await renderCertificatePdf({
      ...certificate,
      learnerName: `Анна ${ARABIC_NAME} Ærøskøbing`,
      subjectTitle: "Кибербезопасность — الأمن السيبراني",
      code: LONG_CODE,
    });

    expect(typical.length).toBeLessThan(25 * 1024);
    expect(mixed.length).toBeLessThan(25 * 1024);
  });

  it("never throws, replacing characters no font has", async () => {
    for (const learnerName of [
      "",
      "   ",
      "王小明",
      "🦊\uD800\u0007\u202E",
      "x".repeat(5000),
      "e\u0301\u0323".repeat(50),
    ]) {
      await expect(renderCertificatePdf({ ...certificate, learnerName })).resolves.toBeInstanceOf(Uint8Array);
    }
    const text = await textOf(await renderCertificatePdf({ ...certificate, learnerName: "Li 王" }));

    expect(text).toContain("Li \uFFFD");
  });

  it("keeps long names, titles and establishments inside the border and clear of the QR code", async () => {
    const bytes = await renderCertificatePdf({
      ...certificate,
      learnerName: "Marie Anne Sophie Claire de la Tour du Pin et de Saint Jean Baptiste Nguyễn Thị Minh Khai Le Bras",
      subjectTitle: "Les bonnes pratiques de cybersécurité pour les professionnels de santé en établissement ".repeat(
        3,
      ),
      organisationName: "Groupement hospitalier de territoire ".repeat(8),
      code: LONG_CODE,
      verificationUrl: `https://formation.vigie.example.org/certificat/${LONG_CODE}`,
    });
    const page = await (await getDocumentProxy(bytes.slice())).getPage(1);
    const { items } = await page.getTextContent();

    for (const item of items) {
      if (!("transform" in item) || !item.str.trim()) continue;
      const [x, y] = [item.transform[4] as number, item.transform[5] as number];
      expect(x).toBeGreaterThanOrEqual(30);
      expect(x + item.width).toBeLessThanOrEqual(A4_LANDSCAPE[0]! - 30);
      // The QR code fills the bottom-right corner, up to 138 pt from the bottom edge.
      if (y < 145) expect(x + item.width, item.str).toBeLessThan(QR_CODE_LEFT);
    }
    expect(await textOf(bytes)).toContain("…");
  });
});

describe("renderCertificatePdf, once revoked", () => {
  it("marks the page RÉVOQUÉ with the date, and says so in its title", async () => {
    const bytes = await renderCertificatePdf({ ...certificate, revokedAt: new Date("2026-12-01T10:00:00Z") });
    const text = await textOf(bytes);

    expect(text).toContain("RÉVOQUÉ");
    expect(text).toContain("Révoqué le 1er décembre 2026");
    expect(text).toContain("Françoise Lefèvre-Nguyễn"); // still legible under the mark
    expect((await PDFDocument.load(bytes)).getTitle()).toContain("(RÉVOQUÉ)");
  });

  it("says REVOKED in English, and nothing of it while valid", async () => {
    const english = await textOf(
      await renderCertificatePdf({ ...certificate, locale: "en", revokedAt: new Date("2026-12-01T10:00:00Z") }),
    );
    const valid = await textOf(await renderCertificatePdf(certificate));

    expect(english).toContain("Revoked on 1 December 2026");
    expect(valid).not.toMatch(/RÉVOQUÉ|Révoqué/);
  });
});

describe("renderCertificatePdf, the longest names", () => {
  // 120 characters is the longest name a form or an import accepts; Ѹ is the widest letter of
  // Open Sans Bold (1.32 em), Щ the widest of a living alphabet, W the widest Latin capital.
  const LONGEST = [
    ["one word of the widest letter", "Ѹ".repeat(120)],
    ["Cyrillic words", "Щукина-Шаховская Щербакова ".repeat(5).slice(0, 120)],
    ["Latin capitals", "WWWWWWWWWWWWWWWWWWWWWWWW ".repeat(5).slice(0, 120)],
    [
      "a long French name",
      "Marie-Françoise de La Tour du Pin Gouvernet de Saint-Exupéry Lefèvre-Nguyễn Thị Minh Khai Œuvray-Ærøskøbing Ðorđević",
    ],
  ] as const;

  it.each(LONGEST)("prints %s whole, inside the border", async (_, learnerName) => {
    expect([...learnerName].length).toBeLessThanOrEqual(120);
    const bytes = await renderCertificatePdf({ ...certificate, learnerName });
    const text = await textOf(bytes);

    expect(text.replace(/\s+/g, "")).toContain(learnerName.replace(/\s+/g, ""));
    expect(text).not.toContain("…");
    const page = await (await getDocumentProxy(bytes.slice())).getPage(1);
    for (const item of (await page.getTextContent()).items) {
      if (!("transform" in item) || !item.str.trim()) continue;
      expect(item.transform[4]).toBeGreaterThanOrEqual(30);
      expect((item.transform[4] as number) + item.width, item.str).toBeLessThanOrEqual(A4_LANDSCAPE[0]! - 30);
    }
  });

  it("draws the longest name's ink inside the inner border, on two lines", async (context) => {
    if (!hasPdftoppm) context.skip("pdftoppm (poppler-utils) is not installed");
    const [named, blank] = await Promise.all([
      render({ ...certificate, learnerName: LONGEST[0][1] }),
      render({ ...certificate, learnerName: "" }),
    ]);
    const columns = changedColumns(named, blank);
    // At 50 dpi a point is 50/72 px; the inner border is 27 pt from each edge.
    const inner = (27 * 50) / 72;

    expect(columns[0]).toBeGreaterThan(inner);
    expect(columns.at(-1)).toBeLessThan(named.width - inner);
    const page = await (
      await getDocumentProxy((await renderCertificatePdf({ ...certificate, learnerName: LONGEST[0][1] })).slice())
    ).getPage(1);
    const nameLines = new Set<number>();
    for (const item of (await page.getTextContent()).items)
      if ("transform" in item && item.str.includes("Ѹ")) nameLines.add(item.transform[5] as number);
    expect(nameLines.size).toBe(2);
  });
});

describe("renderCertificatePdf, rendered by poppler", () => {
  const SKIP_NOTE = "pdftoppm (poppler-utils) is not installed: render check skipped";

  // Text extraction reads the ToUnicode map, not the glyphs: a broken font subset extracts
  // perfectly and still prints blank boxes (STACK.md pitfall 12). So compare ink: the same
  // certificate with and without the name differs only where the name's glyphs are drawn.
  it.for<[string, string]>([
    ["Latin with Vietnamese accents", "Françoise Lefèvre-Nguyễn"],
    ["Cyrillic", "Анна Каренина"],
    ["Arabic (fallback font)", ARABIC_NAME],
  ])("draws visible glyphs for a %s name", async ([, learnerName], context) => {
    if (!hasPdftoppm) context.skip(SKIP_NOTE);
    const [named, blank] = await Promise.all([
      render({ ...certificate, learnerName }),
      render({ ...certificate, learnerName: "" }),
    ]);
    const letters = [...learnerName].filter((char) => char !== " ").length;

    // About 90 pixels change per bold 32 pt letter at 50 dpi; invisible glyphs change none.
    expect(changedPixels(named, blank)).toBeGreaterThan(50 * letters);
  });

  it("draws every glyph of an accented, Cyrillic and Arabic name", async (context) => {
    if (!hasPdftoppm) context.skip(SKIP_NOTE);
    // Spaced out, each letter is its own block of changed columns: one invisible glyph is a gap.
    const letters = ["Ç", "Œ", "Æ", "Ø", "ễ", "Ð", "đ", "Ŵ", "Ō", "ÿ", "Ж", "Я", "ф", "ف"];
    const [named, blank] = await Promise.all([
      render({ ...certificate, learnerName: letters.join("   ") }),
      render({ ...certificate, learnerName: "" }),
    ]);

    expect(countBlocks(changedColumns(named, blank))).toBe(letters.length);
  });
});
