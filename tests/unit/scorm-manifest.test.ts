import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { buildModulePackage, buildPathPackage } from "@/lib/scorm/build-package";
import { checkPackage } from "@/lib/scorm/check-package";

const catalogue = loadCatalogue(path.join(process.cwd(), "courses"));
const module = catalogue.moduleById.get("cles-usb")!;
const quiz = module.steps.find((step) => step.kind === "quiz")!;

function manifestOf(files: Map<string, Uint8Array>): string {
  return new TextDecoder().decode(files.get("imsmanifest.xml"));
}

function withManifest(files: Map<string, Uint8Array>, change: (xml: string) => string): Map<string, Uint8Array> {
  return new Map(files).set("imsmanifest.xml", new TextEncoder().encode(change(manifestOf(files))));
}

describe("SCORM 1.2 manifest", () => {
  const built = buildModulePackage(module);

  it("passes the SCORM 1.2 rules for every module and path of the catalogue", () => {
    for (const each of catalogue.modules) expect(checkPackage(buildModulePackage(each).files), each.id).toEqual([]);
    for (const learningPath of catalogue.paths) {
      const modules = learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!);
      expect(checkPackage(buildPathPackage(learningPath, modules).files), learningPath.id).toEqual([]);
    }
  });

  it("declares SCORM 1.2, the module's identifier and version, and French titles", () => {
    const xml = manifestOf(built.files);

    expect(xml).toContain("<schemaversion>1.2</schemaversion>");
    expect(xml).toContain(`<manifest identifier="${built.identifier}" version="${module.version}"`);
    expect(built.identifier).toMatch(new RegExp(`^vigie-cles-usb-v${module.version}-[0-9a-f]{12}$`));
    expect(xml).toContain(`<imsmd:langstring xml:lang="fr">${module.title}</imsmd:langstring>`);
    expect(xml).toContain(`<adlcp:masteryscore>${quiz.kind === "quiz" && quiz.passMark}</adlcp:masteryscore>`);
  });

  it("lists every file of the package, the fonts and the illustration included", () => {
    const xml = manifestOf(built.files);
    const listed = [...xml.matchAll(/<file href="([^"]+)"/g)].map((match) => match[1]);

    expect(listed.sort()).toEqual([...built.files.keys()].filter((file) => file !== "imsmanifest.xml").sort());
    expect(listed).toEqual(
      expect.arrayContaining(["cles-usb/index.html", "cles-usb/cle-usb.svg", "player/fonts/OpenSans-Regular.ttf"]),
    );
  });

  it("gives one SCO per module of a path, in the path's order, each with its mastery score", () => {
    const learningPath = catalogue.pathById.get("bonnes-pratiques")!;
    const xml = manifestOf(
      buildPathPackage(
        learningPath,
        learningPath.moduleIds.map((id) => catalogue.moduleById.get(id)!),
      ).files,
    );
    const items = [...xml.matchAll(/<item identifier="ITEM-([^"]+)"/g)].map((match) => match[1]);

    expect(items).toEqual(learningPath.moduleIds);
    expect(xml.match(/<adlcp:masteryscore>/g)).toHaveLength(learningPath.moduleIds.length);
    expect(xml.match(/adlcp:scormtype="sco"/g)).toHaveLength(learningPath.moduleIds.length);
  });

  it("reports a listed file missing, a file not listed, and a dangling item", () => {
    const missing = new Map(built.files);
    missing.delete("cles-usb/cle-usb.svg");
    const extra = new Map(built.files).set("cles-usb/notes.txt", new Uint8Array([1]));
    const dangling = withManifest(built.files, (xml) =>
      xml.replace('identifierref="RES-cles-usb"', 'identifierref="RES-ailleurs"'),
    );

    expect(checkPackage(missing)).toContain("listed file cles-usb/cle-usb.svg is not in the package");
    expect(checkPackage(extra)).toContain("file cles-usb/notes.txt is not listed in the manifest");
    expect(checkPackage(dangling)).toContain("item ITEM-cles-usb points at no resource");
  });

  it("reports bad identifiers, mastery scores and versions", () => {
    const twice = withManifest(built.files, (xml) =>
      xml.replace('identifier="ITEM-cles-usb"', 'identifier="RES-cles-usb"'),
    );
    const badId = withManifest(built.files, (xml) => xml.replace('identifier="ITEM-cles-usb"', 'identifier="1 item"'));
    const score = withManifest(built.files, (xml) => xml.replace(/<adlcp:masteryscore>\d+/, "<adlcp:masteryscore>120"));
    const version = withManifest(built.files, (xml) => xml.replace("<schemaversion>1.2", "<schemaversion>CAM 1.3"));

    expect(checkPackage(twice)).toContain('identifier "RES-cles-usb" is used twice');
    expect(checkPackage(badId)).toContain('identifier "1 item" is not an XML id');
    expect(checkPackage(score)).toContain('masteryscore "120" must be a whole number from 0 to 100');
    expect(checkPackage(version)).toContain("metadata/schemaversion must be 1.2");
  });

  it("reports anything fetched from outside the package", () => {
    const cdn = new Map(built.files).set(
      "cles-usb/index.html",
      new TextEncoder().encode('<script src="https://cdn.example.org/x.js"></script>'),
    );
    const font = new Map(built.files).set(
      "player/player.css",
      new TextEncoder().encode("@font-face { src: url(//fonts.example.org/a.woff2) }"),
    );

    expect(checkPackage(cdn)).toContain("file cles-usb/index.html fetches something from outside the package");
    expect(checkPackage(font)).toContain("file player/player.css fetches something from outside the package");
  });

  it("stays under 300 KB zipped and gives the same bytes for the same content", () => {
    expect(built.zip.byteLength).toBeLessThan(300 * 1024);
    expect(buildModulePackage(module).zip).toEqual(built.zip);
  });
});
