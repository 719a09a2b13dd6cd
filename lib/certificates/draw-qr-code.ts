import QRCode from "qrcode";
import { num } from "./certificate-fonts";

/**
 * Content-stream operators painting a QR code of `text` as vector rectangles, one per
 * horizontal run of dark modules, filled at once. (x, y) is the bottom-left corner of the
 * symbol in PDF points; the symbol is at most `size` wide and the quiet zone is left to the caller.
 */
export function drawQrCode(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const cell = Math.floor((size / count) * 100) / 100; // whole hundredths: runs meet exactly
  const top = y + cell * count;
  const rects: string[] = [];
  for (let row = 0; row < count; row++) {
    // QR rows count down from the top; PDF y counts up from the bottom of the page.
    const rowY = top - (row + 1) * cell;
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      rects.push(`${num(x + start * cell)} ${num(rowY)} ${num((column - start) * cell)} ${num(cell)} re`);
    }
  }

  return `q 0 0 0 rg\n${rects.join("\n")}\nf Q`;
}
