import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { CertificateFonts, shapeText } from "@/lib/certificates/certificate-fonts";
import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";
import { typicalCertificate } from "../support/certificate-data";
import { type GrayImage, changedRows, hasPdftoppm, render } from "../support/certificate-render";

// Combining marks are placed by the font's mark positioning: the shaper moves each mark from
// its pen position (over a capital, up; over its letter, sideways), and the certificate draws it
// there. Certificates are drawn from NFC text, so the marks that reach the shaper are those with
// no precomposed letter: a Yoruba name's « ọ̀ » (ọ + U+0300), over a capital too.
const NAME = "O\u0323\u0300la\u0300ji\u0301de\u0301 Fu\u0301nmila\u0301yo\u0323\u0300".normalize("NFC");
const BOLD = path.join(process.cwd(), "node_modules/@expo-google-fonts/open-sans/700Bold/OpenSans_700Bold.ttf");

/**
 * Where each glyph of `ops` (one showText at size 1000, so that text space units are
 * thousandths of the size) is drawn: [glyph id, x, y], read back as a PDF viewer would.
 */
function drawnGlyphs(ops: string, glyphIds: number[], widthOf: (gid: number) => number): number[][] {
  const gidOfCid = [0, ...new Set(glyphIds)];
  const drawn: number[][] = [];
  let [x, rise] = [0, 0];
  for (const [, value, operator] of ops.matchAll(/(-?[\d.]+|\[[^\]]*\]) (Ts|TJ)/g)) {
    if (operator === "Ts") rise = Number(value);
    else
      for (const token of value!.slice(1, -1).match(/<[0-9a-f]+>|-?[\d.]+/g) ?? []) {
        if (!token.startsWith("<")) x -= Number(token);
        else
          for (const cid of token.slice(1, -1).match(/.{4}/g)!) {
            const gid = gidOfCid[parseInt(cid, 16)]!;
            drawn.push([gid, x, rise]);
            x += widthOf(gid);
          }
      }
  }

  return drawn;
}

describe("a name with combining marks on a certificate", () => {
  it("draws each glyph where the shaper puts it, marks raised and moved over their letter", () => {
    const font = fontkit.create(readFileSync(BOLD));
    const thousandths = (units: number) => (units * 1000) / font.unitsPerEm;
    const { glyphs, positions } = font.layout(NAME);
    let pen = 0;
    const expected = glyphs.map((glyph, index) => {
      const { xAdvance, xOffset, yOffset } = positions[index]!;
      const at = [glyph.id, thousandths(pen + xOffset), thousandths(yOffset)];
      pen += xAdvance;

      return at;
    });
    // The font moves the marks: a test of nothing otherwise.
    expect(positions.filter((position) => position.yOffset !== 0)).toHaveLength(1);
    expect(positions.filter((position) => position.xOffset !== 0)).toHaveLength(2);

    const shaped = shapeText(NAME, "bold");
    const ops = new CertificateFonts().showText(shaped, 0, 0, 1000);
    const drawn = drawnGlyphs(ops, shaped.runs[0]!.glyphIds, (gid) => thousandths(font.getGlyph(gid).advanceWidth));

    expect(shaped.runs).toHaveLength(1);
    expect(drawn.map(([gid]) => gid)).toEqual(expected.map(([gid]) => gid));
    drawn.forEach(([, x, y], index) => {
      expect(x).toBeCloseTo(expected[index]![1]!, 1);
      expect(y).toBeCloseTo(expected[index]![2]!, 1);
    });
    // Back on the baseline after each mark.
    expect(ops.match(/ Ts/g)).toHaveLength(2);
    expect(
      ops
        .trimEnd()
        .split("\n")
        .filter((line) => line.endsWith(" Ts"))
        .at(-1),
    ).toBe("0 Ts");
  });

  it("draws a grave over a capital as high as the capital's own grave", async (context) => {
    if (!hasPdftoppm) context.skip("pdftoppm (poppler-utils) is not installed");
    // Ọ̀ (Ọ + U+0300) and Ò (one glyph, its grave placed by the font's designer) are as wide.
    const [marked, precomposed, blank] = await Promise.all([
      render({ ...typicalCertificate, learnerName: "O\u0323\u0300" }),
      render({ ...typicalCertificate, learnerName: "\u00D2" }),
      render({ ...typicalCertificate, learnerName: "" }),
    ]);
    const top = (image: GrayImage) => changedRows(image, blank)[0]!;

    expect(Math.abs(top(marked) - top(precomposed))).toBeLessThanOrEqual(1);
  });

  it("is extracted as the name typed", async (context) => {
    if (spawnSync("pdftotext", ["-v"]).error) context.skip("pdftotext (poppler-utils) is not installed");
    const dir = mkdtempSync(path.join(tmpdir(), "vigie-marks-"));
    try {
      const file = path.join(dir, "certificate.pdf");
      writeFileSync(file, await renderCertificatePdf({ ...typicalCertificate, learnerName: NAME }));
      const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout;

      expect(text.normalize("NFC")).toContain(NAME);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("an ordinary certificate", () => {
  it("has the same bytes as before mark offsets were applied (nothing in it is offset)", async () => {
    const bytes = await renderCertificatePdf(typicalCertificate);

    expect(createHash("sha256").update(bytes).digest("hex")).toBe(
      "1e01f812fd5614fe992e9833dddfa6fd80a6d8859dcc70023ab8471f1f33b29e",
    );
  });
});
