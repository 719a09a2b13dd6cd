import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { COURSE_ID_PATTERN } from "@/lib/courses/course-id";
import {
  inlineScriptHashes,
  moduleOfPage,
  moduleOfShell,
  pageOfShell,
  shellOfPage,
  shellPath,
} from "@/lib/http/module-shell";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("moduleOfPage", () => {
  it("names the module of a module's page, not of its sub-routes or of a name that is no module id", () => {
    expect(moduleOfPage("/modules/cles-usb")).toBe("cles-usb");
    expect(moduleOfPage("/modules")).toBeNull();
    expect(moduleOfPage("/modules/cles-usb/certificat")).toBeNull();
    expect(moduleOfPage("/modules/cles-usb/scorm")).toBeNull();
    expect(moduleOfPage("/modules/..%2F..%2Fetc")).toBeNull();
    expect(moduleOfPage("/modules/Cles_USB")).toBeNull();
  });

  it("puts the shell under the language, and reads the module back from the shell's address", () => {
    expect(shellPath("en", "cles-usb")).toBe("/coquille/en/cles-usb");
    expect(moduleOfShell("/coquille/en/cles-usb")).toBe("cles-usb");
    expect(moduleOfShell("/coquille/en/cles-usb/x")).toBeNull();
    expect(moduleOfShell("/modules/cles-usb")).toBeNull();
  });
});

describe("shellOfPage and pageOfShell (the proxy's rule)", () => {
  it("serves the catalogue and each module's page from the shell of the visitor's language, and nothing else", () => {
    expect(shellOfPage("/modules", "fr")).toBe("/coquille/fr");
    expect(shellOfPage("/modules", "en")).toBe("/coquille/en");
    expect(shellOfPage("/modules/cles-usb", "en")).toBe("/coquille/en/cles-usb");
    for (const other of ["/modules/", "/modules/cles-usb/scorm", "/modules/Cles_USB", "/parcours", "/", "/modulesx"])
      expect(shellOfPage(other, "fr")).toBeNull();
  });

  it("sends a shell's own address back to the page it serves", () => {
    expect(pageOfShell("/coquille/fr")).toBe("/modules");
    expect(pageOfShell("/coquille/en/cles-usb")).toBe("/modules/cles-usb");
    expect(pageOfShell("/coquille")).toBeNull();
    expect(pageOfShell("/coquille/fr/")).toBeNull();
    expect(pageOfShell("/modules")).toBeNull();
  });

  it("keeps the catalogue's shell out of the module ids' reach: it has no segment a course id could fill", () => {
    // /coquille/<language> is the [langue] segment's own page; the module shells are one segment below.
    expect(shellOfPage("/modules", "fr")!.split("/")).toHaveLength(3);
    expect(shellOfPage("/modules/cles-usb", "fr")!.split("/")).toHaveLength(4);
    expect(COURSE_ID_PATTERN.test("")).toBe(false);
    expect(moduleOfShell("/coquille/fr/")).toBeNull();
  });
});

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text as sent, once, and leaves out scripts loaded from a file", () => {
    const html =
      '<html><head><script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">self.a=1</script></head>' +
      '<body><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"é\\n"])</script>' +
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>";

    expect(inlineScriptHashes(html)).toEqual([
      sha256("self.a=1"),
      sha256("(self.__next_f=self.__next_f||[]).push([0])"),
      sha256('self.__next_f.push([1,"é\\n"])'),
    ]);
  });
});
