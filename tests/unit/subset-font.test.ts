import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf } from "@/lib/certificates/render-certificate-pdf";
import { heldHarfBuzzMemory, subsetFont } from "@/lib/certificates/subset-font";
import { runIdleReleases } from "@/lib/startup/on-server-idle";
import { typicalCertificate } from "../support/certificate-data";

// A collection on demand, to see that nothing keeps HarfBuzz's memory once it is released.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const base = typicalCertificate;
// Latin, Vietnamese, Cyrillic and Arabic: the regular, bold and both fallback faces are subset.
const certificates = ["Françoise Lefèvre-Nguyễn", "Анна Каренина", "فاطمة الزهراء", "Zoë Œuvray", "Jean Martin"].map(
  (learnerName, i) => ({ ...base, learnerName, code: `${"ABCDE"[i]}7Q2M9XW4TBZ8RJ5HN3PVD6YCA` }),
);

async function renderOneByOne(): Promise<Buffer[]> {
  const pdfs: Buffer[] = [];
  for (const data of certificates) pdfs.push(Buffer.from(await renderCertificatePdf(data)));

  return pdfs;
}

/** Waits for a collection to clear `ref`, at most 20 collections (a WeakRef holds until the job ends). */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 20 && ref.deref(); attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }

  return ref.deref() === undefined;
}

describe("subsetFont's HarfBuzz instance", () => {
  it("gives concurrent renders each their own bytes, the same as one at a time", async () => {
    const expected = await renderOneByOne();
    const concurrent = await Promise.all([...certificates, ...certificates].reverse().map(renderCertificatePdf));

    [...expected, ...expected]
      .reverse()
      .forEach((pdf, i) => expect(Buffer.from(concurrent[i]!).equals(pdf)).toBe(true));
    expect(new Set(expected.map((pdf) => pdf.toString("base64"))).size).toBe(certificates.length);
  });

  it("is released when the server is idle, its memory collectable, and a new one gives the same bytes", async () => {
    const before = await renderOneByOne();
    const memory = new WeakRef(heldHarfBuzzMemory()!);
    expect(memory.deref()).toBeInstanceOf(WebAssembly.Memory);

    runIdleReleases();

    expect(heldHarfBuzzMemory()).toBeUndefined();
    expect(await collected(memory)).toBe(true);
    const after = await renderOneByOne();
    after.forEach((pdf, i) => expect(pdf.equals(before[i]!)).toBe(true));
    expect(heldHarfBuzzMemory()).toBeInstanceOf(WebAssembly.Memory);
  });

  it("starts afresh after a failure, and the next certificate renders", async () => {
    expect(() => subsetFont(new Uint8Array(4), ["glyf"], [0, 70_000])).toThrow();

    expect(heldHarfBuzzMemory()).toBeUndefined();
    expect((await renderOneByOne()).length).toBe(certificates.length);
  });
});
