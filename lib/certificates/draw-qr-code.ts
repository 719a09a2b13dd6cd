import QRCode from "qrcode";
import { num } from "./certificate-fonts";

/**
 * Content-stream operators painting a QR code of `text` as vector rectangles, one per
 * horizontal run of dark modules, filled as one path. (x, y) is the bottom-left corner of
 * the `size`-point square; the quiet zone around it is left to the caller.
 */
export function drawQrCode(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const rects: string[] = [];
  for (let row = 0; row < count; row++) {
    // QR rows count down from the top; PDF y counts up from the bottom of the page.
    const bottom = count - 1 - row;
    let column = 0;
    while (column < count) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < count && modules.get(row, column)) column++;
      rects.push(`${start} ${bottom} ${column - start} 1 re`);
    }
  }
  const cell = num(size / count);

  // The matrix scales one unit to one module, so the rectangles are small integers.
  return `q 0 0 0 rg ${cell} 0 0 ${cell} ${num(x)} ${num(y)} cm\n${rects.join("\n")}\nf Q`;
}
