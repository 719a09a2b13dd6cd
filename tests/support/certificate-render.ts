import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { type CertificatePdfData, renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";

// A certificate as poppler draws it, to compare ink: text extraction reads the ToUnicode map, not
// the glyphs (STACK.md pitfall 12).

/** Whether pdftoppm (poppler-utils) can be run here. */
export const hasPdftoppm = !spawnSync("pdftoppm", ["-v"]).error;

export type GrayImage = { width: number; height: number; pixels: Uint8Array };

export async function render(data: CertificatePdfData): Promise<GrayImage> {
  const dir = mkdtempSync(path.join(tmpdir(), "vigie-certificate-"));
  try {
    writeFileSync(path.join(dir, "certificate.pdf"), await renderCertificatePdf(data));
    const args = ["-r", "50", "-png", "-singlefile", path.join(dir, "certificate.pdf"), path.join(dir, "page")];
    const result = spawnSync("pdftoppm", args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);

    return decodeGrayPng(readFileSync(path.join(dir, "page.png")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Pixels whose gray level moved by more than anti-aliasing noise between two renders.
function isChanged(a: GrayImage, b: GrayImage, index: number): boolean {
  return Math.abs(a.pixels[index]! - b.pixels[index]!) > 64;
}

export function changedPixels(a: GrayImage, b: GrayImage): number {
  let count = 0;
  for (let i = 0; i < a.pixels.length; i++) if (isChanged(a, b, i)) count++;

  return count;
}

export function changedColumns(a: GrayImage, b: GrayImage): number[] {
  const columns = new Set<number>();
  for (let i = 0; i < a.pixels.length; i++) if (isChanged(a, b, i)) columns.add(i % a.width);

  return [...columns].sort((x, y) => x - y);
}

export function changedRows(a: GrayImage, b: GrayImage): number[] {
  const rows = new Set<number>();
  for (let i = 0; i < a.pixels.length; i++) if (isChanged(a, b, i)) rows.add(Math.floor(i / a.width));

  return [...rows].sort((x, y) => x - y);
}

export function countBlocks(columns: number[]): number {
  return columns.filter((x, index) => index === 0 || x - columns[index - 1]! > 2).length;
}

/** Minimal decoder for pdftoppm's PNG output (8-bit RGB or gray, not interlaced), as gray levels. */
function decodeGrayPng(png: Buffer): GrayImage {
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const [depth, colorType, interlace] = [png[24], png[25], png[28]];
  const channels = colorType === 2 ? 3 : colorType === 0 ? 1 : 0;
  if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error("expected an 8-bit RGB or gray PNG");
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString("latin1", at + 4, at + 8) === "IDAT")
      chunks.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const bytes = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? bytes[y * stride + x - channels]! : 0;
      const up = y > 0 ? bytes[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? bytes[(y - 1) * stride + x - channels]! : 0;
      const guess = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      bytes[y * stride + x] = (raw[y * (stride + 1) + 1 + x]! + guess) & 0xff;
    }
  }
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += bytes[i * channels + c]!;
    pixels[i] = sum / channels;
  }

  return { width, height, pixels };
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [dLeft, dUp, dUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
  if (dLeft <= dUp && dLeft <= dUpLeft) return left;

  return dUp <= dUpLeft ? up : upLeft;
}
