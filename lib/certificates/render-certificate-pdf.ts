import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFDocument, PDFHexString, PDFName, PDFRawStream } from "pdf-lib";
import { CertificateFonts, num, shapeText, type ShapedText, type Weight } from "./certificate-fonts";
import { drawQrCode } from "./draw-qr-code";

export type CertificatePdfData = {
  learnerName: string;
  subjectTitle: string;
  subjectKind: "module" | "path";
  subjectVersion: number;
  organisationName: string;
  completedAt: Date;
  durationMinutes: number;
  code: string;
  verificationUrl: string;
  issuedAt: Date;
  locale?: "fr" | "en";
};

// PDF coordinates are in points (1/72 in) with the origin at the BOTTOM-left of the page:
// every y below is a baseline height from the bottom edge, so the layout counts downwards.
const PAGE_WIDTH = 841.89; // A4 landscape
const PAGE_HEIGHT = 595.28;
const FRAME_INSET = 22;
const FRAME_GAP = 5;
const MARGIN = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BRAND_Y = 506;
const TITLE_Y = 438;
const AWARDED_Y = 394;
const NAME_Y = 348;
const LINE_HEIGHT = 1.2; // × font size, between wrapped lines
const QR_SIZE = 88;
const QR_X = PAGE_WIDTH - MARGIN - QR_SIZE;
const QR_Y = 50;
const FOOTER_X = MARGIN;
const FOOTER_WIDTH = QR_X - MARGIN - 24;
const CODE_LABEL_Y = 104;
const CODE_Y = 84;
const VERIFY_Y = 64;
const MAX_INPUT_CHARS = 300;

const INK = "0.11 0.16 0.27";
const ACCENT = "0.05 0.33 0.55";
const MUTED = "0.36 0.40 0.47";

type TextStyle = { weight: Weight; size: number; minSize: number; maxLines: number; color: string };
const STYLES = {
  brand: { weight: "bold", size: 15, minSize: 15, maxLines: 1, color: ACCENT },
  title: { weight: "bold", size: 34, minSize: 20, maxLines: 1, color: INK },
  label: { weight: "regular", size: 14, minSize: 10, maxLines: 1, color: MUTED },
  name: { weight: "bold", size: 32, minSize: 18, maxLines: 2, color: INK },
  subject: { weight: "bold", size: 22, minSize: 14, maxLines: 2, color: INK },
  detail: { weight: "regular", size: 12, minSize: 9, maxLines: 2, color: MUTED },
  codeLabel: { weight: "regular", size: 9, minSize: 9, maxLines: 1, color: MUTED },
  code: { weight: "bold", size: 13, minSize: 7, maxLines: 1, color: INK },
  verify: { weight: "regular", size: 9, minSize: 5, maxLines: 1, color: MUTED },
} satisfies Record<string, TextStyle>;

const LABELS = {
  fr: {
    language: "fr-FR",
    tagline: "Sensibilisation à la cybersécurité",
    title: "Certificat de réussite",
    shortTitle: "Certificat",
    awardedTo: "décerné à",
    followed: { module: "pour avoir suivi le module", path: "pour avoir suivi le parcours" },
    version: "version",
    on: "le",
    duration: "Durée :",
    organisation: "Établissement :",
    codeLabel: "Code de vérification",
    verify: "Vérifier ce certificat :",
  },
  en: {
    language: "en-GB",
    tagline: "Cybersecurity awareness",
    title: "Certificate of completion",
    shortTitle: "Certificate",
    awardedTo: "awarded to",
    followed: { module: "for completing the module", path: "for completing the learning path" },
    version: "version",
    on: "on",
    duration: "Duration:",
    organisation: "Establishment:",
    codeLabel: "Verification code",
    verify: "Verify this certificate:",
  },
};
const DATE_FORMATS = {
  fr: new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }),
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }),
};

/**
 * Draws a one-page A4 certificate. The same data always gives the same bytes, and user text
 * never makes it throw: missing glyphs fall back to DejaVu Sans, then to U+FFFD.
 */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const locale = data.locale === "en" ? "en" : "fr";
  const labels = LABELS[locale];
  const [name, subject, organisation] = [data.learnerName, data.subjectTitle, data.organisationName].map(clean);
  const fonts = new CertificateFonts();
  const ops = [frame()];
  const draw = (value: string, style: TextStyle, y: number, x = MARGIN, width = TEXT_WIDTH, centred = true) => {
    const { size, lines } = fitText(value, style, width);
    ops.push(`${style.color} rg`);
    lines.forEach((line, index) => {
      const lineX = centred ? x + (width - (line.width * size) / 1000) / 2 : x;
      ops.push(fonts.showText(line, lineX, y - index * size * LINE_HEIGHT, size));
    });

    return y - (lines.length - 1) * size * LINE_HEIGHT;
  };

  draw("VIGIE", STYLES.brand, BRAND_Y);
  draw(labels.tagline, STYLES.codeLabel, BRAND_Y - 16);
  draw(labels.title, STYLES.title, TITLE_Y);
  draw(labels.awardedTo, STYLES.label, AWARDED_Y);
  const nameBottom = draw(name, STYLES.name, NAME_Y);
  ops.push(`q ${ACCENT} RG 0.8 w ${num(PAGE_WIDTH / 2 - 60)} ${num(nameBottom - 20)} m ${num(PAGE_WIDTH / 2 + 60)} ${num(nameBottom - 20)} l S Q`);
  draw(labels.followed[data.subjectKind], STYLES.label, nameBottom - 52);
  const subjectBottom = draw(subject, STYLES.subject, nameBottom - 86);
  const when = `${labels.version} ${data.subjectVersion} · ${labels.on} ${formatDate(data.completedAt, locale)}`;
  draw(`${when} · ${labels.duration} ${formatDuration(data.durationMinutes)}`, STYLES.detail, subjectBottom - 32);
  draw(`${labels.organisation} ${organisation}`, STYLES.detail, subjectBottom - 54);

  draw(labels.codeLabel, STYLES.codeLabel, CODE_LABEL_Y, FOOTER_X, FOOTER_WIDTH, false);
  draw(clean(data.code), STYLES.code, CODE_Y, FOOTER_X, FOOTER_WIDTH, false);
  draw(`${labels.verify} ${clean(data.verificationUrl)}`, STYLES.verify, VERIFY_Y, FOOTER_X, FOOTER_WIDTH, false);
  ops.push(drawQrCode(data.verificationUrl, QR_X, QR_Y, QR_SIZE));

  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const content = deflateSync(Buffer.from(ops.join("\n"), "latin1"));
  page.node.set(PDFName.of("Contents"), doc.context.register(PDFRawStream.of(doc.context.obj({ Filter: "FlateDecode" }), content)));
  for (const [resource, font] of fonts.embed(doc.context)) page.node.setFontDictionary(resource, font);
  setMetadata(doc, data, `${labels.shortTitle} — ${name} — ${subject}`, `${labels.title} — ${subject} — ${organisation}`);

  return doc.save({ useObjectStreams: false });
}

function frame(): string {
  const outer = `${FRAME_INSET} ${FRAME_INSET} ${num(PAGE_WIDTH - 2 * FRAME_INSET)} ${num(PAGE_HEIGHT - 2 * FRAME_INSET)} re`;
  const inset = FRAME_INSET + FRAME_GAP;
  const inner = `${inset} ${inset} ${num(PAGE_WIDTH - 2 * inset)} ${num(PAGE_HEIGHT - 2 * inset)} re`;

  return `q ${ACCENT} RG 2 w ${outer} S 0.6 w ${inner} S Q`;
}

function setMetadata(doc: PDFDocument, data: CertificatePdfData, title: string, subject: string): void {
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor("Vigie");
  doc.setSubject(subject);
  doc.setCreator("Vigie");
  doc.setProducer("Vigie (pdf-lib)");
  doc.setCreationDate(data.issuedAt);
  doc.setModificationDate(data.issuedAt);
  doc.setLanguage(LABELS[data.locale === "en" ? "en" : "fr"].language);
  // The file identifier is usually random; derive it from the data so renders are reproducible.
  const id = PDFHexString.of(createHash("sha256").update(JSON.stringify(data)).digest("hex").slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

/** Shrinks `value` to fit one line; below `minSize`, wraps words and truncates with "…". */
function fitText(value: string, style: TextStyle, width: number): { size: number; lines: ShapedText[] } {
  const whole = shapeText(value, style.weight);
  const size = Math.min(style.size, (width * 1000) / Math.max(whole.width, 1));
  if (size >= style.minSize) return { size, lines: [whole] };

  const fits = (line: string) => (shapeText(line, style.weight).width * style.minSize) / 1000 <= width;
  const lines: string[] = [];
  for (const word of value.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && lines.length >= style.maxLines) lines[lines.length - 1] = `${last} ${word}`;
    else if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }

  return { size: style.minSize, lines: lines.map((line) => shapeText(truncate(line, fits), style.weight)) };
}

function truncate(line: string, fits: (line: string) => boolean): string {
  if (fits(line)) return line;

  const chars = [...line];
  const cut = (count: number) => `${chars.slice(0, count).join("").trimEnd()}…`;
  let [low, high] = [0, chars.length];
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }

  return cut(low);
}

/** User text as one clean line: NFC, single spaces, no control or invisible format characters. */
function clean(value: string): string {
  const line = value.normalize("NFC").replace(/\s+/gu, " ").replace(/[\p{Cc}\p{Cf}]/gu, "").trim();

  return [...line].slice(0, MAX_INPUT_CHARS).join("");
}

function formatDate(date: Date, locale: "fr" | "en"): string {
  const formatted = DATE_FORMATS[locale].format(date);

  return locale === "fr" ? formatted.replace(/^1 /, "1er ") : formatted;
}

function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const [hours, rest] = [Math.floor(total / 60), total % 60];
  if (hours === 0) return `${rest} min`;

  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
