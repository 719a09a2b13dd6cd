import { describe, expect, it } from "vitest";
import { fileDownload } from "@/lib/http/file-download";

describe("fileDownload", () => {
  it("answers an attachment with its type and name, kept by no shared cache", async () => {
    const response = fileDownload("a;b\r\n", { type: "text/csv; charset=utf-8", name: "apprenants-2026-11-30.csv" });

    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="apprenants-2026-11-30.csv"',
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    });
    expect(await response.text()).toBe("a;b\r\n");
  });

  it("refuses a name that could break out of the header", () => {
    for (const name of ['a".csv', "a\r\nSet-Cookie: x=1.csv", "../a.csv", "a b.csv", ""]) {
      expect(() => fileDownload("", { type: "text/plain", name }), name).toThrow(/unsafe download file name/);
    }
  });
});
