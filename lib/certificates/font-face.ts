import type { Font } from "@pdf-lib/fontkit";

/*
 * A TrueType font as the certificate renderer and the subsetter both read it: the parsed
 * fontkit font, the raw bytes and the table directory. Kept apart so that neither module
 * imports the other.
 */

export type FaceName = "sans" | "sansBold" | "fallback" | "fallbackBold";

export type GlyphData = { bytes: Uint8Array; components: { at: number; gid: number }[] };
export type Face = {
  name: FaceName;
  font: Font;
  unitsPerEm: number;
  hmtxAt: number;
  metricCount: number; // hhea.numberOfHMetrics: glyphs past it share the last advance
  bytes: Uint8Array;
  view: DataView;
  tables: Map<string, { offset: number; length: number }>;
  glyphIds: Map<number, number>;
  glyphs: Map<number, GlyphData>;
};

export function table(face: Face, tag: string): { offset: number; length: number } {
  const found = face.tables.get(tag);
  if (!found) throw new Error(`${face.name} font has no ${tag} table`);

  return found;
}

/** Advance width of a glyph in font units, from hmtx. */
export function advanceOf(face: Face, gid: number): number {
  return face.view.getUint16(face.hmtxAt + 4 * Math.min(gid, face.metricCount - 1));
}
