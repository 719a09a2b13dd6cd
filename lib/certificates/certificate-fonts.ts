import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import fontkit, { type Font } from "@pdf-lib/fontkit";
import { PDFName, PDFRawStream, PDFString, type PDFContext, type PDFRef } from "pdf-lib";
import { subsetFont } from "./subset-font";

/*
 * Fonts for certificates: Open Sans, with DejaVu Sans for the characters Open Sans lacks
 * (Arabic…). Fonts are read from disk and parsed by fontkit once per process. The fonts are
 * embedded here rather than by pdf-lib's embedFont: fontkit's subset encoder waits on setTimeout
 * ticks and pdf-lib compresses with pako, which made each PDF several times slower. HarfBuzz
 * subsets them (subset-font.ts); CIDs are handed out in drawing order and mapped to glyph ids.
 */

export type Weight = "regular" | "bold";
type FaceName = "sans" | "sansBold" | "fallback" | "fallbackBold";
type Face = {
  name: FaceName;
  font: Font;
  unitsPerEm: number;
  bytes: Uint8Array;
  tableTags: string[];
  hmtx: DataView;
  metricCount: number; // hhea.numberOfHMetrics: glyphs past it share the last advance
  glyphIds: Map<number, number>;
};

// Read from the app root's node_modules: process.cwd() is the app root under `next dev`,
// `next start`, the standalone server (it chdirs to its folder), tsx and vitest, whereas a bundled
// require.resolve is rewritten by Turbopack/webpack. Literal paths let the output tracer copy them.
const FONT_PATHS: Record<FaceName, () => string> = {
  sans: () => path.join(process.cwd(), "node_modules/@expo-google-fonts/open-sans/400Regular/OpenSans_400Regular.ttf"),
  sansBold: () => path.join(process.cwd(), "node_modules/@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf"),
  fallback: () => path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  fallbackBold: () => path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
const FACES_BY_WEIGHT: Record<Weight, [FaceName, FaceName]> = {
  regular: ["sans", "fallback"],
  bold: ["sansBold", "fallbackBold"],
};
const REPLACEMENT = "\uFFFD"; // Open Sans has it
// Scripts whose letters change shape with their neighbours or run right to left, and combining
// marks (placed over their letter by the font's mark positioning): these go through fontkit's
// shaper (slow); everything else maps one character to one glyph (fast).
const NEEDS_SHAPING = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\p{M}]/u;
// Kept in the current run: spaces and punctuation, and a mark with the letter it sits on.
const NEUTRAL = /^[\s\p{P}\p{M}]$/u;

/**
 * A run of glyphs in one face; widths, advances and offsets in thousandths of the font size.
 * `offsets`: where the shaper moves each glyph from its pen position, [x, y] with y up (a
 * mark raised over a capital, moved back over its letter); absent when it moves none.
 */
export type GlyphRun = {
  face: Face;
  glyphIds: number[];
  advances: number[];
  texts: string[];
  offsets?: [number, number][];
};
export type ShapedText = { runs: GlyphRun[]; width: number };

const faces = new Map<FaceName, Face>();

function loadFace(name: FaceName): Face {
  const cached = faces.get(name);
  if (cached) return cached;

  // A plain Uint8Array (a Buffer's slice() would share memory with the file).
  // Paths are listed in next.config.mjs (outputFileTracingIncludes); this read needs no tracing.
  const bytes = new Uint8Array(readFileSync(/* turbopackIgnore: true */ FONT_PATHS[name]()));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0, count = view.getUint16(4); i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  // Parsed once per process and kept (STACK.md §6: parsing, not reading, is the slow part).
  const font = fontkit.create(bytes);
  const hmtx = tables.get("hmtx") ?? { offset: 0, length: 0 };
  const face: Face = {
    name,
    font,
    unitsPerEm: font.unitsPerEm,
    bytes,
    tableTags: [...tables.keys()],
    hmtx: new DataView(bytes.buffer, bytes.byteOffset + hmtx.offset, hmtx.length),
    metricCount: view.getUint16((tables.get("hhea")?.offset ?? 0) + 34),
    glyphIds: new Map(),
  };
  faces.set(name, face);

  return face;
}

function glyphIdFor(face: Face, codePoint: number): number {
  let id = face.glyphIds.get(codePoint);
  if (id === undefined) {
    id = face.font.hasGlyphForCodePoint(codePoint) ? face.font.glyphForCodePoint(codePoint).id : 0;
    face.glyphIds.set(codePoint, id);
  }

  return id;
}

/** Advance width of a glyph in font units, from hmtx. */
function advanceOf(face: Face, gid: number): number {
  return face.hmtx.getUint16(4 * Math.min(gid, face.metricCount - 1));
}

function toThousandths(face: Face, units: number): number {
  return (units * 1000) / face.unitsPerEm;
}

/**
 * Turns user text into glyph runs. Never throws: each character takes the primary face,
 * else the fallback face, else U+FFFD. Spaces and punctuation stay in the current run so
 * that a whole Arabic name is shaped (and put in right-to-left order) as one run.
 */
export function shapeText(text: string, weight: Weight): ShapedText {
  const [primary, fallback] = FACES_BY_WEIGHT[weight];
  const segments: { face: FaceName; text: string }[] = [];
  for (let char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const current = segments.at(-1);
    let face: FaceName | undefined =
      current && NEUTRAL.test(char) && glyphIdFor(loadFace(current.face), codePoint) ? current.face : undefined;
    if (!face && glyphIdFor(loadFace(primary), codePoint)) face = primary;
    if (!face && glyphIdFor(loadFace(fallback), codePoint)) face = fallback;
    if (!face) [face, char] = [primary, REPLACEMENT];
    if (current?.face === face) current.text += char;
    else segments.push({ face, text: char });
  }

  const runs = segments.flatMap(({ face, text: segment }) => {
    // Spaces and punctuation after right-to-left text stay after it, outside the reversed run.
    const tail = NEEDS_SHAPING.test(segment) ? (/[\s\p{P}]+$/u.exec(segment)?.[0] ?? "") : "";
    const parts = tail ? [segment.slice(0, -tail.length), tail] : [segment];

    return parts.map((part) => shapeSegment(loadFace(face), part));
  });

  return { runs, width: runs.reduce((sum, run) => sum + run.advances.reduce((a, b) => a + b, 0), 0) };
}

function shapeSegment(face: Face, text: string): GlyphRun {
  if (!NEEDS_SHAPING.test(text)) {
    const chars = [...text];
    const glyphIds = chars.map((char) => glyphIdFor(face, char.codePointAt(0) ?? 0));

    return { face, glyphIds, advances: glyphIds.map((gid) => toThousandths(face, advanceOf(face, gid))), texts: chars };
  }

  // fontkit returns right-to-left runs in visual (left-to-right) order. Text extractors read
  // them back to front, so a ligature's characters (lam-alef) are listed back to front too.
  const { glyphs, positions, direction } = face.font.layout(text);
  const order = (codePoints: number[]) => (direction === "rtl" ? [...codePoints].reverse() : codePoints);
  const offsets = positions.map(({ xOffset, yOffset }): [number, number] => [
    toThousandths(face, xOffset),
    toThousandths(face, yOffset),
  ]);

  return {
    face,
    glyphIds: glyphs.map((glyph) => glyph.id),
    advances: positions.map((position) => toThousandths(face, position.xAdvance)),
    texts: glyphs.map((glyph) => String.fromCodePoint(...order(glyph.codePoints))),
    ...(offsets.some(([x, y]) => x !== 0 || y !== 0) ? { offsets } : {}),
  };
}

type FaceUse = { resource: string; cids: Map<number, number>; glyphIds: number[]; texts: string[] };

/** The fonts of one PDF: hands out CIDs while text is drawn, then embeds the subsets. */
export class CertificateFonts {
  private readonly uses = new Map<Face, FaceUse>();

  /** Text-showing operators for `text` with its left end of baseline at (x, y). */
  showText(text: ShapedText, x: number, y: number, size: number): string {
    const ops = [`BT ${num(x)} ${num(y)} Td`];
    for (const run of text.runs) {
      const use = this.useOf(run.face);
      const shown: string[] = [];
      let parts: string[] = [];
      let hex = "";
      const flush = () => {
        if (hex) parts.push(`<${hex}>`);
        hex = "";
      };
      const close = () => {
        flush();
        if (parts.length > 0) shown.push(`[${parts.join(" ")}] TJ`);
        parts = [];
      };
      run.glyphIds.forEach((gid, index) => {
        const [dx, dy] = run.offsets?.[index] ?? [0, 0];
        // A glyph moved up or down is shown alone, raised by the text rise (Ts), in text space units.
        const raised = Math.abs(dy) >= 0.5;
        if (raised) {
          close();
          shown.push(`${num((dy * size) / 1000)} Ts`);
        }
        // In TJ a number n moves the pen n thousandths to the left: −dx before the glyph.
        if (Math.abs(dx) >= 0.5) {
          flush();
          parts.push(num(-dx));
        }
        hex += hex4(this.cidFor(use, gid, run.texts[index] ?? ""));
        // After it, back by (width − advance) when shaping changed the advance, and by dx.
        const adjust = toThousandths(run.face, advanceOf(run.face, gid)) - (run.advances[index] ?? 0) + dx;
        if (Math.abs(adjust) >= 0.5) {
          flush();
          parts.push(num(adjust));
        }
        if (raised) {
          close();
          shown.push("0 Ts");
        }
      });
      close();
      // One line per run when nothing is raised, as before offsets were applied.
      ops.push(`/${use.resource} ${num(size)} Tf ${shown.length > 0 ? shown.join("\n") : "[] TJ"}`);
    }

    return `${ops.join("\n")}\nET`;
  }

  /** Adds the Type0 font objects to the PDF; returns resource name → font reference. */
  embed(context: PDFContext): [PDFName, PDFRef][] {
    return [...this.uses].map(([face, use]) => [PDFName.of(use.resource), embedFace(context, face, use)]);
  }

  private useOf(face: Face): FaceUse {
    let use = this.uses.get(face);
    if (!use) {
      // CID 0 is .notdef, as glyph 0 of every TrueType font.
      use = { resource: `F${this.uses.size + 1}`, cids: new Map([[0, 0]]), glyphIds: [0], texts: [""] };
      this.uses.set(face, use);
    }

    return use;
  }

  private cidFor(use: FaceUse, gid: number, text: string): number {
    let cid = use.cids.get(gid);
    if (cid === undefined) {
      cid = use.glyphIds.push(gid) - 1;
      use.cids.set(gid, cid);
      use.texts.push(text);
    }

    return cid;
  }
}

function embedFace(context: PDFContext, face: Face, use: FaceUse): PDFRef {
  const program = subsetFont(face.bytes, face.tableTags, use.glyphIds);
  const cidToGid = context.register(
    PDFRawStream.of(context.obj({ Filter: "FlateDecode" }), deflateSync(cidToGidMap(use.glyphIds))),
  );
  const scale = (units: number) => Math.round(toThousandths(face, units));
  const { bbox, ascent, descent, capHeight } = face.font;
  const baseFont = `${subsetTag(use.glyphIds)}+${face.font.postscriptName ?? "Font"}`;
  const fontFile = context.register(
    PDFRawStream.of(context.obj({ Length1: program.length, Filter: "FlateDecode" }), deflateSync(program)),
  );
  const descriptor = context.register(
    context.obj({
      Type: "FontDescriptor",
      FontName: baseFont,
      Flags: 4, // symbolic: glyphs are addressed by CID, not by a standard encoding
      FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map(scale),
      ItalicAngle: 0,
      Ascent: scale(ascent),
      Descent: scale(descent),
      CapHeight: scale(capHeight || ascent),
      StemV: face.name.endsWith("Bold") ? 140 : 80,
      FontFile2: fontFile,
    }),
  );
  const cidFont = context.register(
    context.obj({
      Type: "Font",
      Subtype: "CIDFontType2",
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of("Adobe"), Ordering: PDFString.of("Identity"), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, use.glyphIds.map((gid) => scale(advanceOf(face, gid)))],
      CIDToGIDMap: cidToGid,
    }),
  );
  const toUnicode = context.register(
    PDFRawStream.of(context.obj({ Filter: "FlateDecode" }), deflateSync(toUnicodeCMap(use.texts))),
  );

  return context.register(
    context.obj({
      Type: "Font",
      Subtype: "Type0",
      BaseFont: baseFont,
      Encoding: "Identity-H",
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

/** CIDToGIDMap stream: the glyph id of each CID, two bytes big-endian. */
function cidToGidMap(glyphIds: number[]): Buffer {
  const map = Buffer.alloc(2 * glyphIds.length);
  glyphIds.forEach((gid, cid) => map.writeUInt16BE(gid, 2 * cid));

  return map;
}

/** CMap from each CID to the characters it stands for, so that text can be copied and searched. */
function toUnicodeCMap(texts: string[]): Buffer {
  const entries = texts.flatMap((text, cid) => {
    const utf16 = Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join("");

    return utf16 ? [`<${hex4(cid)}> <${utf16}>`] : [];
  });
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join("\n")}\nendbfchar`);
  }
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...blocks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ];

  return Buffer.from(cmap.join("\n"), "latin1");
}

/** Six capital letters derived from the glyph set, as PDF subset font names require. */
function subsetTag(glyphIds: number[]): string {
  let hash = 2166136261;
  for (const gid of glyphIds) hash = Math.imul(hash ^ gid, 16777619) >>> 0;

  return Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + (Math.floor(hash / 26 ** i) % 26))).join("");
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, "0");
}

export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
