import { type Face, type GlyphData, advanceOf, table } from "./font-face";

/*
 * A TrueType subsetter for certificates: keeps only the glyphs drawn (and the components of
 * composite glyphs), drops hinting instructions, and writes a minimal sfnt that PDF viewers
 * accept. Used by certificate-fonts.ts instead of pdf-lib's subsetting, which is about 5 times
 * slower (see the comment there). Glyph ids keep their numbers: CIDToGIDMap is /Identity.
 */

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

/** A glyph's glyf record without hinting instructions, and where its components' ids sit. */
function glyphData(face: Face, gid: number): GlyphData {
  const cached = face.glyphs.get(gid);
  if (cached) return cached;

  const { view } = face;
  const loca = table(face, "loca").offset;
  const isLongLoca = view.getInt16(table(face, "head").offset + 50) === 1;
  const [start, end] = isLongLoca
    ? [view.getUint32(loca + 4 * gid), view.getUint32(loca + 4 * gid + 4)]
    : [2 * view.getUint16(loca + 2 * gid), 2 * view.getUint16(loca + 2 * gid + 2)];
  const glyfAt = table(face, "glyf").offset;
  const source = face.bytes.subarray(glyfAt + start, glyfAt + end);
  const glyph: GlyphData = { bytes: source, components: [] };
  const contours = source.length >= 12 ? view.getInt16(glyfAt + start) : 0;
  if (contours > 0) {
    // Simple glyph: contour end points, then instructionLength and the instructions, then the outline.
    const at = 10 + 2 * contours;
    const skip = (source[at]! << 8) | source[at + 1]!;
    glyph.bytes = new Uint8Array(source.length - skip);
    glyph.bytes.set(source.subarray(0, at));
    glyph.bytes.set(source.subarray(at + 2 + skip), at + 2);
  } else if (contours < 0) {
    glyph.bytes = source.slice();
    const out = new DataView(glyph.bytes.buffer);
    let at = 10;
    let flags: number;
    do {
      flags = out.getUint16(at);
      out.setUint16(at, flags & ~WE_HAVE_INSTRUCTIONS);
      glyph.components.push({ at: at + 2, gid: out.getUint16(at + 2) });
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      at += flags & WE_HAVE_A_SCALE ? 2 : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4 : flags & WE_HAVE_A_TWO_BY_TWO ? 8 : 0;
    } while (flags & MORE_COMPONENTS);
    glyph.bytes = glyph.bytes.subarray(0, at);
  }
  face.glyphs.set(gid, glyph);

  return glyph;
}

/**
 * A TrueType font holding `glyphIds` (new id = index) plus the components of composite
 * glyphs, appended to the list. Tables: glyf, head, hhea, hmtx, loca, maxp.
 */
export function subsetTrueType(face: Face, glyphIds: number[]): Uint8Array {
  const newIds = new Map(glyphIds.map((gid, index) => [gid, index]));
  const glyphs: GlyphData[] = [];
  for (let index = 0; index < glyphIds.length; index++) {
    const glyph = glyphData(face, glyphIds[index]!);
    for (const { gid } of glyph.components) if (!newIds.has(gid)) newIds.set(gid, glyphIds.push(gid) - 1);
    glyphs.push(glyph);
  }

  const count = glyphIds.length;
  const glyf = new Uint8Array(glyphs.reduce((sum, glyph) => sum + pad4(glyph.bytes.length), 0));
  const glyfView = new DataView(glyf.buffer);
  const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
  const hmtx = new DataView(new ArrayBuffer(4 * count));
  const { hmtxAt, metricCount: metrics } = face;
  let offset = 0;
  glyphs.forEach((glyph, index) => {
    const gid = glyphIds[index]!;
    glyf.set(glyph.bytes, offset);
    for (const component of glyph.components) glyfView.setUint16(offset + component.at, newIds.get(component.gid)!);
    offset += pad4(glyph.bytes.length);
    loca.setUint32(4 * (index + 1), offset);
    hmtx.setUint16(4 * index, advanceOf(face, gid));
    const lsbAt = gid < metrics ? hmtxAt + 4 * gid + 2 : hmtxAt + 4 * metrics + 2 * (gid - metrics);
    hmtx.setInt16(4 * index + 2, face.view.getInt16(lsbAt));
  });

  const copy = (tag: string) => {
    const { offset: at, length } = table(face, tag);
    return new DataView(face.bytes.slice(at, at + length).buffer);
  };
  const head = copy("head");
  head.setUint32(8, 0); // checkSumAdjustment, set below
  head.setInt16(50, 1); // long loca offsets
  const hhea = copy("hhea");
  hhea.setUint16(34, count);
  const maxp = copy("maxp");
  maxp.setUint16(4, count);

  const font = sfnt([
    ["glyf", glyf],
    ["head", new Uint8Array(head.buffer)],
    ["hhea", new Uint8Array(hhea.buffer)],
    ["hmtx", new Uint8Array(hmtx.buffer)],
    ["loca", new Uint8Array(loca.buffer)],
    ["maxp", new Uint8Array(maxp.buffer)],
  ]);
  const headAt = 12 + 16 * 6 + pad4(glyf.length);
  new DataView(font.buffer).setUint32(headAt + 8, (0xb1b0afba - checksum(font)) >>> 0);

  return font;
}

/** Assembles tables (sorted by tag) into a TrueType file. */
function sfnt(tables: [string, Uint8Array][]): Uint8Array {
  const headerSize = 12 + 16 * tables.length;
  const font = new Uint8Array(headerSize + tables.reduce((sum, [, data]) => sum + pad4(data.length), 0));
  const view = new DataView(font.buffer);
  const selector = Math.floor(Math.log2(tables.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tables.length);
  view.setUint16(6, 16 * 2 ** selector);
  view.setUint16(8, selector);
  view.setUint16(10, 16 * tables.length - 16 * 2 ** selector);
  let offset = headerSize;
  tables.forEach(([tag, data], index) => {
    const record = 12 + 16 * index;
    for (let i = 0; i < 4; i++) font[record + i] = tag.charCodeAt(i);
    font.set(data, offset);
    view.setUint32(record + 4, checksum(font.subarray(offset, offset + pad4(data.length))));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    offset += pad4(data.length);
  });

  return font;
}

function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  for (let i = 0; i + 4 <= data.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;

  return sum;
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}
