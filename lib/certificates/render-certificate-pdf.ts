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
  /** Set once revoked: the PDF still downloads, marked across the page so it cannot pass as valid. */
  revokedAt?: Date | null;
};

// PDF coordinates are in points (1/72 in) with the origin at the BOTTOM-left of the page:
// every y below is a baseline height from the bottom edge, so the layout counts downwards.
const PAGE_WIDTH = 841.89; // A4 landscape
const PAGE_HEIGHT = 595.28;
const FRAME_INSET = 22; // outer border, from the page edge
const FRAME_GAP = 5; // between the outer and the inner border
const MARGIN = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const LINE_HEIGHT = 1.2; // × font size, between wrapped lines
const WRAP_SIZE_STEP = 1; // points tried between a style's size and its minSize when wrapping
const BRAND_Y = 506;
const TAGLINE_Y = 490;
const TITLE_Y = 438;
const AWARDED_Y = 394;
const NAME_Y = 348;
// Below the name the block moves down when the name wraps; offsets from the last line drawn.
const RULE_BELOW_NAME = 20;
const RULE_HALF_WIDTH = 60;
const FOLLOWED_BELOW_NAME = 52;
const SUBJECT_BELOW_NAME = 86;
const DETAILS_BELOW_SUBJECT = 32;
const ORGANISATION_BELOW_SUBJECT = 54;
// Footer: verification code and link on the left, QR code on the right.
const QR_SIZE = 88;
const QR_X = PAGE_WIDTH - MARGIN - QR_SIZE;
const QR_Y = 50;
const FOOTER_WIDTH = QR_X - MARGIN - 24;
const CODE_LABEL_Y = 104;
const CODE_Y = 84;
const VERIFY_Y = 64;
const MAX_INPUT_CHARS = 300;

const INK = "0.11 0.16 0.27";
const ACCENT = "0.05 0.33 0.55";
const MUTED = "0.36 0.40 0.47";
const REVOKED = "0.70 0.07 0.07";
const REVOKED_ANGLE = (24 * Math.PI) / 180;

// size: the one-line size, shrunk down to minSize; longer text wraps at wrapSize or below.
// floorSize (names only): rather than cut, shrink further and break inside words, down to it.
type TextStyle = {
  weight: Weight;
  size: number;
  minSize: number;
  wrapSize: number;
  maxLines: number;
  color: string;
  floorSize?: number;
};
const STYLES = {
  brand: { weight: "bold", size: 15, minSize: 15, wrapSize: 15, maxLines: 1, color: ACCENT },
  title: { weight: "bold", size: 34, minSize: 20, wrapSize: 20, maxLines: 1, color: INK },
  label: { weight: "regular", size: 14, minSize: 10, wrapSize: 10, maxLines: 1, color: MUTED },
  // 120 characters (the longest name accepted) of the widest Cyrillic letter fit in two lines at 8.8 pt.
  name: { weight: "bold", size: 32, minSize: 18, wrapSize: 24, maxLines: 2, color: INK, floorSize: 8 },
  subject: { weight: "bold", size: 22, minSize: 14, wrapSize: 17, maxLines: 2, color: INK },
  detail: { weight: "regular", size: 12, minSize: 9, wrapSize: 10, maxLines: 2, color: MUTED },
  small: { weight: "regular", size: 9, minSize: 6, wrapSize: 6, maxLines: 1, color: MUTED },
  code: { weight: "bold", size: 13, minSize: 7, wrapSize: 7, maxLines: 1, color: INK },
  verify: { weight: "regular", size: 9, minSize: 5, wrapSize: 5, maxLines: 1, color: MUTED },
} satisfies Record<string, TextStyle>;

const LABELS = {
  fr: {
    language: "fr-FR" as const,
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
    revoked: "RÉVOQUÉ",
    revokedOn: "Révoqué le",
  },
  en: {
    language: "en-GB" as const,
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
    revoked: "REVOKED",
    revokedOn: "Revoked on",
  },
};
const DATE_OPTIONS = { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" } as const;
const DATE_FORMATS = {
  "fr-FR": new Intl.DateTimeFormat("fr-FR", DATE_OPTIONS),
  "en-GB": new Intl.DateTimeFormat("en-GB", DATE_OPTIONS),
};

type Labels = (typeof LABELS)[keyof typeof LABELS];
type TextBox = { x: number; width: number; centred: boolean };
type DrawText = (value: string, style: TextStyle, y: number, box?: TextBox) => number;
const BODY_BOX: TextBox = { x: MARGIN, width: TEXT_WIDTH, centred: true };
const FOOTER_BOX: TextBox = { x: MARGIN, width: FOOTER_WIDTH, centred: false };

/**
 * Draws a one-page A4 certificate. The same data always gives the same bytes, and user text
 * never makes it throw: missing glyphs fall back to DejaVu Sans, then to U+FFFD.
 */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const labels = LABELS[data.locale === "en" ? "en" : "fr"];
  const fonts = new CertificateFonts();
  const ops = [frame()];
  const draw: DrawText = (value, style, y, box = BODY_BOX) => {
    const { size, lines } = fitText(value, style, box.width);
    ops.push(`${style.color} rg`);
    lines.forEach((line, index) => {
      const x = box.centred ? box.x + (box.width - (line.width * size) / 1000) / 2 : box.x;
      ops.push(fonts.showText(line, x, y - index * size * LINE_HEIGHT, size));
    });

    return y - (lines.length - 1) * size * LINE_HEIGHT; // baseline of the last line
  };
  const nameBottom = drawBody(draw, data, labels);
  const ruleY = num(nameBottom - RULE_BELOW_NAME);
  const [ruleLeft, ruleRight] = [num(PAGE_WIDTH / 2 - RULE_HALF_WIDTH), num(PAGE_WIDTH / 2 + RULE_HALF_WIDTH)];
  ops.push(`q ${ACCENT} RG 0.8 w ${ruleLeft} ${ruleY} m ${ruleRight} ${ruleY} l S Q`);
  drawFooter(draw, data, labels);
  const url = data.verificationUrl.trim();
  if (url) ops.push(drawQrCode(url, QR_X, QR_Y, QR_SIZE));
  if (data.revokedAt) ops.push(revokedMark(fonts, labels, data.revokedAt));

  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const content = deflateSync(Buffer.from(ops.join("\n"), "latin1")); // operators and hex glyph codes: ASCII
  const contentStream = PDFRawStream.of(doc.context.obj({ Filter: "FlateDecode" }), content);
  page.node.set(PDFName.of("Contents"), doc.context.register(contentStream));
  for (const [resource, font] of fonts.embed(doc.context)) page.node.setFontDictionary(resource, font);
  setMetadata(doc, data, labels);

  return doc.save({ useObjectStreams: false });
}

/** The centred block, title to establishment; returns the baseline of the name's last line. */
function drawBody(draw: DrawText, data: CertificatePdfData, labels: Labels): number {
  draw("VIGIE", STYLES.brand, BRAND_Y);
  draw(labels.tagline, STYLES.small, TAGLINE_Y);
  draw(labels.title, STYLES.title, TITLE_Y);
  draw(labels.awardedTo, STYLES.label, AWARDED_Y);
  const nameBottom = draw(clean(data.learnerName), STYLES.name, NAME_Y);
  draw(labels.followed[data.subjectKind], STYLES.label, nameBottom - FOLLOWED_BELOW_NAME);
  const subjectBottom = draw(clean(data.subjectTitle), STYLES.subject, nameBottom - SUBJECT_BELOW_NAME);
  const details = [
    `${labels.version} ${data.subjectVersion}`,
    `${labels.on} ${formatDate(data.completedAt, labels.language)}`,
    `${labels.duration} ${formatDuration(data.durationMinutes)}`,
  ];
  draw(details.join(" · "), STYLES.detail, subjectBottom - DETAILS_BELOW_SUBJECT);
  draw(
    `${labels.organisation} ${clean(data.organisationName)}`,
    STYLES.detail,
    subjectBottom - ORGANISATION_BELOW_SUBJECT,
  );

  return nameBottom;
}

function drawFooter(draw: DrawText, data: CertificatePdfData, labels: Labels): void {
  draw(labels.codeLabel, STYLES.small, CODE_LABEL_Y, FOOTER_BOX);
  draw(clean(data.code), STYLES.code, CODE_Y, FOOTER_BOX);
  draw(`${labels.verify} ${clean(data.verificationUrl)}`, STYLES.verify, VERIFY_Y, FOOTER_BOX);
}

/** "RÉVOQUÉ" outlined across the page (the text under it stays legible) and the date, filled. */
function revokedMark(fonts: CertificateFonts, labels: Labels, revokedAt: Date): string {
  const [cos, sin] = [Math.cos(REVOKED_ANGLE), Math.sin(REVOKED_ANGLE)];
  const word = shapeText(labels.revoked, "bold");
  const date = shapeText(`${labels.revokedOn} ${formatDate(revokedAt, labels.language)}`, "bold");
  const [wordSize, dateSize] = [Math.min(110, (560 * 1000) / word.width), 26];

  return [
    `q ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(PAGE_WIDTH / 2)} ${num(PAGE_HEIGHT / 2)} cm`,
    `${REVOKED} RG ${REVOKED} rg 2 w 1 Tr`,
    fonts.showText(word, -(word.width * wordSize) / 2000, -wordSize * 0.2, wordSize),
    "0 Tr",
    fonts.showText(date, -(date.width * dateSize) / 2000, -wordSize * 0.2 - dateSize * 1.6, dateSize),
    "Q",
  ].join("\n");
}

function frame(): string {
  const rectangle = (inset: number) =>
    `${inset} ${inset} ${num(PAGE_WIDTH - 2 * inset)} ${num(PAGE_HEIGHT - 2 * inset)} re`;

  return `q ${ACCENT} RG 2 w ${rectangle(FRAME_INSET)} S 0.6 w ${rectangle(FRAME_INSET + FRAME_GAP)} S Q`;
}

function setMetadata(doc: PDFDocument, data: CertificatePdfData, labels: Labels): void {
  const [name, subject] = [clean(data.learnerName), clean(data.subjectTitle)];
  const status = data.revokedAt ? ` (${labels.revoked})` : "";
  doc.setTitle(`${labels.shortTitle}${status} — ${name} — ${subject}`, { showInWindowTitleBar: true });
  doc.setAuthor("Vigie");
  doc.setSubject(`${labels.title} — ${subject} — ${clean(data.organisationName)}`);
  doc.setCreator("Vigie");
  doc.setProducer("Vigie (pdf-lib)");
  doc.setCreationDate(data.issuedAt);
  doc.setModificationDate(data.issuedAt);
  doc.setLanguage(labels.language);
  // The file identifier is usually random; derive it from the data so renders are reproducible.
  const id = PDFHexString.of(createHash("sha256").update(JSON.stringify(data)).digest("hex").slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

/**
 * Fits `value` in `width`: one line shrunk down to `minSize`, else the largest size up to
 * `wrapSize` at which the words wrap into `maxLines`; for a style with `floorSize`, then the
 * largest size down to it at which the text fits in `maxLines` when long words break anywhere;
 * else `maxLines` lines at the smallest size, cut by "…".
 */
function fitText(value: string, style: TextStyle, width: number): { size: number; lines: ShapedText[] } {
  const shape = (text: string) => shapeText(text, style.weight);
  const fitsAt = (size: number) => (line: string) => (shape(line).width * size) / 1000 <= width;
  const whole = shape(value);
  const oneLineSize = Math.min(style.size, (width * 1000) / Math.max(whole.width, 1));
  if (oneLineSize >= style.minSize) return { size: oneLineSize, lines: [whole] };

  const wrapsAt = (size: number, breakWords: boolean) => {
    const lines = wrapWords(value, fitsAt(size), Infinity, breakWords);
    return lines.length <= style.maxLines && lines.every(fitsAt(size)) ? lines : undefined;
  };
  for (let size = style.wrapSize; style.maxLines > 1 && size >= style.minSize; size -= WRAP_SIZE_STEP) {
    const lines = wrapsAt(size, false);
    if (lines) return { size, lines: lines.map(shape) };
  }
  const floor = style.floorSize ?? style.minSize;
  for (let size = style.minSize; size >= floor; size -= WRAP_SIZE_STEP / 4) {
    const lines = wrapsAt(size, true);
    if (lines) return { size, lines: lines.map(shape) };
  }
  const fits = fitsAt(floor);

  return {
    size: floor,
    lines: wrapWords(value, fits, style.maxLines, floor < style.minSize).map((line) => shape(truncate(line, fits))),
  };
}

/**
 * Greedy word wrap; words beyond `maxLines` all go on the last line. With `breakWords`, a word
 * too wide for a line of its own is split between graphemes (a name is never cut short).
 */
function wrapWords(value: string, fits: (line: string) => boolean, maxLines: number, breakWords = false): string[] {
  const lines: string[] = [];
  const words = value.split(" ").flatMap((word) => (breakWords && !fits(word) ? splitWord(word, fits) : [word]));
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && (lines.length >= maxLines || fits(`${last} ${word}`)))
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }

  return lines;
}

const GRAPHEMES = new Intl.Segmenter("und", { granularity: "grapheme" });

/** The word in pieces that each fit, longest first; the pieces are later joined by line breaks only. */
function splitWord(word: string, fits: (line: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const { segment } of GRAPHEMES.segment(word)) {
    if (piece && !fits(piece + segment)) {
      pieces.push(piece);
      piece = "";
    }
    piece += segment;
  }

  return piece ? [...pieces, piece] : pieces;
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
  const line = value
    .normalize("NFC")
    .replace(/\s+/gu, " ")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim();

  return [...line].slice(0, MAX_INPUT_CHARS).join("");
}

function formatDate(date: Date, language: Labels["language"]): string {
  const formatted = DATE_FORMATS[language].format(date);

  return language === "fr-FR" ? formatted.replace(/^1 /, "1er ") : formatted;
}

function formatDuration(minutes: number): string {
  const total = Number.isFinite(minutes) ? Math.max(0, Math.round(minutes)) : 0;
  const [hours, rest] = [Math.floor(total / 60), total % 60];
  if (hours === 0) return `${rest} min`;

  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
