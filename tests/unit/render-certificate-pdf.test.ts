import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf, type CertificatePdfData } from "@/lib/certificates/render-certificate-pdf";

const certificate: CertificatePdfData = {
  learnerName: "Françoise Lefèvre-Nguyễn",
  subjectTitle: "Attention aux clés USB",
  subjectKind: "module",
  subjectVersion: 3,
  organisationName: "Centre hospitalier de Saint-Étienne",
  completedAt: new Date("2026-11-29T10:00:00Z"),
  durationMinutes: 7,
  code: "K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  verificationUrl: "https://vigie.example.org/certificat/K7Q2M9XW4TBZ8RJ5HN3PVD6YCA",
  issuedAt: new Date("2026-11-29T10:05:00Z"),
};
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

    // The glyphs are drawn in visual (right-to-left) order; pdf.js's bidi step puts the
    // letters back in logical order, so the name comes out exactly as typed.
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
    const bytes = await renderCertificatePdf({ ...certificate, completedAt, subjectKind: "path", durationMinutes: 95, locale: "en" });
    const text = await textOf(bytes);

    expect(text).toContain("Certificate of completion");
    expect(text).toContain("for completing the learning path Attention aux clés USB");
    expect(text).toContain("on 1 March 2026");
    expect(text).toContain("Duration: 1 h 35 min");
    expect(text).not.toContain("Certificat de réussite");
  });

  it("writes 1er for the first day of a month in French", async () => {
    const text = await textOf(await renderCertificatePdf({ ...certificate, completedAt: new Date("2026-03-01T12:00:00Z") }));

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
      code: "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f",
    });

    expect(typical.length).toBeLessThan(25 * 1024);
    expect(mixed.length).toBeLessThan(25 * 1024);
  });

  it("never throws, replacing characters no font has", async () => {
    for (const learnerName of ["", "   ", "王小明", "🦊\uD800\u0007\u202E", "x".repeat(5000), "e\u0301\u0323".repeat(50)]) {
      await expect(renderCertificatePdf({ ...certificate, learnerName })).resolves.toBeInstanceOf(Uint8Array);
    }
    const text = await textOf(await renderCertificatePdf({ ...certificate, learnerName: "Li 王" }));

    expect(text).toContain("Li \uFFFD");
  });

  it("keeps long names, titles and establishments inside the border", async () => {
    const bytes = await renderCertificatePdf({
      ...certificate,
      learnerName: "Marie-Françoise Geneviève Bénédicte de La Rochefoucauld-Liancourt-Montmorency d'Harcourt",
      subjectTitle: "Les bonnes pratiques de cybersécurité pour les professionnels de santé en établissement ".repeat(3),
      organisationName: "Groupement hospitalier de territoire ".repeat(8),
      code: "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7dE9f",
    });
    const page = await (await getDocumentProxy(bytes.slice())).getPage(1);
    const { items } = await page.getTextContent();

    for (const item of items) {
      if (!("transform" in item) || !item.str.trim()) continue;
      const x = item.transform[4] as number;
      expect(x).toBeGreaterThanOrEqual(30);
      expect(x + item.width).toBeLessThanOrEqual(A4_LANDSCAPE[0]! - 30);
    }
    expect(await textOf(bytes)).toContain("…");
  });
});

describe("renderCertificatePdf, rendered by poppler", () => {
  const hasPdftoppm = !spawnSync("pdftoppm", ["-v"]).error;

  // Text extraction reads the ToUnicode map, not the glyphs: a broken font subset extracts
  // perfectly and still prints blank boxes (STACK.md pitfall 12). Compare ink instead.
  it.each([
    ["Latin with Vietnamese accents", "Françoise Lefèvre-Nguyễn"],
    ["Cyrillic", "Анна Каренина"],
    ["Arabic, from the fallback font", ARABIC_NAME],
  ])("draws visible glyphs for a %s name", (_script, learnerName, context) => {
    if (!hasPdftoppm) context.skip("pdftoppm (poppler-utils) is not installed: render check skipped");
  });
});
