import { describe, expect, it } from "vitest";
import { archiveFilters, archiveParamsSchemaFor } from "@/lib/certificates/archive-filters";
import { courseSubjectField, courseSubjectValue, parseCourseSubject } from "@/lib/courses/course-subject";

// Written as a form could be forged: a bad course id (course-id.ts), a bad kind, no separator.
const REFUSED = [
  "",
  "module:",
  "module:Cles-usb",
  "module:cles--usb",
  "module:-cles",
  "module:../x",
  `module:${"a".repeat(81)}`,
  "path:cles usb",
  "module:cles-usb:2",
  "certificate:cles-usb",
  "Module:cles-usb",
  "cles-usb",
  "modulecles-usb",
  " module:cles-usb",
  "module:cles-usb\n",
];

describe("a course subject in a form field", () => {
  it("is the kind, a colon and a course id, read back as written", () => {
    expect(courseSubjectValue("module", "cles-usb")).toBe("module:cles-usb");
    expect(parseCourseSubject(courseSubjectValue("path", "bonnes-pratiques"))).toEqual({
      type: "path",
      id: "bonnes-pratiques",
    });
    expect(parseCourseSubject(`module:${"a".repeat(80)}`)).toEqual({ type: "module", id: "a".repeat(80) });
  });

  it("is refused, with the form's own message, when the kind or the course id is not one", () => {
    expect(REFUSED.filter((value) => parseCourseSubject(value) !== null)).toEqual([]);
    for (const value of REFUSED)
      expect(courseSubjectField("Choisissez le parcours ou un module.").safeParse(value).error?.issues, value).toEqual([
        expect.objectContaining({ message: "Choisissez le parcours ou un module." }),
      ]);
    expect(courseSubjectField("Choisissez.").safeParse(undefined).error?.issues[0]?.message).toBe("Choisissez.");
  });
});

describe("the certificates archive's subject filter", () => {
  const schema = archiveParamsSchemaFor("fr");

  it("filters on the subject named, and on none when the field is empty or absent", () => {
    expect(archiveFilters(schema.parse({ sujet: "module:cles-usb" })).subject).toEqual({
      type: "module",
      id: "cles-usb",
    });
    expect(archiveFilters(schema.parse({ sujet: "" })).subject).toBeUndefined();
    expect(archiveFilters(schema.parse({})).subject).toBeUndefined();
  });

  it("refuses a malformed subject with a clear message, in the reader's language", () => {
    for (const value of REFUSED.filter(Boolean))
      expect(
        schema.safeParse({ sujet: value }).error?.issues.map((issue) => issue.message),
        value,
      ).toEqual(["Module ou parcours inconnu."]);
    expect(archiveParamsSchemaFor("en").safeParse({ sujet: "module:Cles" }).error?.issues[0]?.message).toBe(
      "Unknown module or path.",
    );
  });
});
