import { readFileSync } from "node:fs";
import path from "node:path";
import { onServerIdle } from "@/lib/startup/on-server-idle";

/*
 * Font subsetting by HarfBuzz's hb-subset, in the WebAssembly build that harfbuzzjs ships (the
 * module imports nothing, so it is instantiated here without harfbuzzjs's JavaScript loader).
 * Glyph ids are kept (RETAIN_GIDS): the PDF maps its CIDs to them with a CIDToGIDMap stream.
 */

type HarfBuzzSubset = {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_glyph_set(input: number): number;
  hb_subset_input_set(input: number, set: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_preprocess(face: number): number;
  hb_subset_or_fail(face: number, input: number): number;
};

// Constants of hb.h and hb-subset.h.
const HB_MEMORY_MODE_DUPLICATE = 0;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_FLAGS_NO_HINTING = 0x01;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x02;
const HB_SUBSET_FLAGS_NOTDEF_OUTLINE = 0x40;
// A PDF viewer draws glyphs by id: it needs outlines and metrics, not cmap, names or layout.
const KEPT_TABLES = new Set(["glyf", "head", "hhea", "hmtx", "loca", "maxp"]);

// Read from the app root's node_modules, as the fonts are (certificate-fonts.ts says why).
const WASM_PATH = () => path.join(process.cwd(), "node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm");

// Font bytes → HarfBuzz face, prepared once for repeated subsetting; valid in its instance only.
type SubsetEngine = { hb: HarfBuzzSubset; preparedFaces: WeakMap<Uint8Array, number> };

// Held while the server is busy; dropped, compiled module included (its optimised code is most
// of the 30–40 MB), once it is idle, and made again by the next certificate.
let engine: SubsetEngine | undefined;
onServerIdle(() => (engine = undefined));

function loadHarfBuzz(): SubsetEngine {
  const bytes = readFileSync(/* turbopackIgnore: true */ WASM_PATH());
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  const hb = instance.exports as unknown as HarfBuzzSubset;
  hb._initialize?.();

  return { hb, preparedFaces: new WeakMap() };
}

/** HarfBuzz's memory while an instance is held (for tests: it must become collectable once idle). */
export function heldHarfBuzzMemory(): WebAssembly.Memory | undefined {
  return engine?.hb.memory;
}

function preparedFace({ hb, preparedFaces }: SubsetEngine, font: Uint8Array): number {
  let face = preparedFaces.get(font);
  if (face === undefined) {
    const data = hb.malloc(font.length);
    new Uint8Array(hb.memory.buffer, data, font.length).set(font);
    const blob = hb.hb_blob_create(data, font.length, HB_MEMORY_MODE_DUPLICATE, 0, 0);
    hb.free(data);
    const source = hb.hb_face_create(blob, 0);
    face = hb.hb_subset_preprocess(source);
    hb.hb_face_destroy(source);
    hb.hb_blob_destroy(blob);
    preparedFaces.set(font, face);
  }

  return face;
}

function tagOf(tag: string): number {
  return ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
}

/**
 * A TrueType font (`font`, whose table tags are `tables`) reduced to the outlines of `glyphIds`
 * and of their composite glyphs' components, under their original ids, without hinting.
 */
export function subsetFont(font: Uint8Array, tables: Iterable<string>, glyphIds: number[]): Uint8Array {
  try {
    engine ??= loadHarfBuzz();

    return subsetWith(engine, font, tables, glyphIds);
  } catch (error) {
    // A trap or failed allocation may leave HarfBuzz's heap inconsistent: the next call starts afresh.
    engine = undefined;
    throw error;
  }
}

function subsetWith(current: SubsetEngine, font: Uint8Array, tables: Iterable<string>, glyphIds: number[]): Uint8Array {
  const { hb } = current;
  const face = preparedFace(current, font);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error("HarfBuzz could not allocate a subset input");
  const glyphs = hb.hb_subset_input_glyph_set(input);
  for (const gid of glyphIds) hb.hb_set_add(glyphs, gid);
  const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const tag of tables) if (!KEPT_TABLES.has(tag)) hb.hb_set_add(dropped, tagOf(tag));
  hb.hb_subset_input_set_flags(
    input,
    HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NOTDEF_OUTLINE,
  );
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!subset) throw new Error("HarfBuzz could not subset the font");

  const blob = hb.hb_face_reference_blob(subset);
  const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), hb.hb_blob_get_length(blob)).slice();
  hb.hb_blob_destroy(blob);
  hb.hb_face_destroy(subset);

  return bytes;
}
