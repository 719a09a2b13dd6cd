import QRCode from "qrcode";

/**
 * An SVG path of the dark modules of a QR code of `text`, one horizontal run per subpath, in
 * module units, with the size of the matrix; the caller adds the 4-module quiet zone.
 */
export function qrCodePath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const runs: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      runs.push(`M${start} ${row}h${column - start}v1h${start - column}z`);
    }
  }

  return { size: modules.size, d: runs.join("") };
}
