import { describe, expect, it } from "vitest";
import { safeFileName } from "@/lib/certificates/safe-file-name";

describe("safeFileName", () => {
  it("keeps names readable without accents or ligatures", () => {
    expect(safeFileName(["Françoise Lefèvre-Nguyễn", "cles-usb", "K7Q2"], "pdf")).toBe(
      "Francoise-Lefevre-Nguyen_cles-usb_K7Q2.pdf",
    );
    expect(safeFileName(["Zoë Œuvray"], "pdf")).toBe("Zoe-Oeuvray.pdf");
  });

  it("gives Cyrillic, Arabic and Chinese names a readable Latin transliteration", () => {
    expect(safeFileName(["Анна Каренина", "cles-usb"], "pdf")).toBe("Anna-Karenina_cles-usb.pdf");
    expect(safeFileName(["فاطمة الزهراء"], "pdf")).toMatch(/^ftmh-lzhr\.pdf$/);
    expect(safeFileName(["王小明"], "pdf")).toBe("WangXiaoMing.pdf");
  });

  it("leaves no path separator, dot, control or odd character", () => {
    for (const name of [
      "../../etc/passwd",
      "..\\..\\windows\\system32",
      "a\u0000b\r\nc",
      'CON:*?"<>|',
      "=cmd|' /C calc'!A0",
      "Анна Каренина 🎉",
    ]) {
      expect(safeFileName([name, "x"], "pdf")).toMatch(/^[A-Za-z0-9-]*_?x\.pdf$/);
    }
  });

  it("falls back when nothing is left, and caps each part", () => {
    expect(safeFileName(["\u200b", "—!?"], "pdf")).toBe("certificat.pdf");
    expect(safeFileName(["a".repeat(500)], "pdf")).toBe(`${"a".repeat(60)}.pdf`);
  });
});
