import { describe, expect, it } from "vitest";
import type { ModuleProgress } from "@/db/schema";
import { earnedSubjects } from "@/lib/certificates/certificate-subject";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";

const catalogue = loadCatalogue();
const at = new Date("2026-11-02T09:00:00Z");

/** A module completed on an earlier version than the one the catalogue now holds. */
function completedOn(moduleId: string, version: number): ModuleProgress {
  return {
    userId: "u",
    organisationId: "o",
    moduleId,
    moduleVersion: version,
    completedVersion: version,
    completedAt: at,
    lastCompletedAt: at,
    startedAt: at,
    lastActivityAt: at,
  } as ModuleProgress;
}

describe("progress made on an older version of a module", () => {
  const progress = new Map([
    ["cles-usb", completedOn("cles-usb", 2)],
    ["cyber-incident", completedOn("cyber-incident", 3)],
  ]);

  it("still counts as done, in every path that holds the module", () => {
    expect(catalogue.moduleById.get("cles-usb")!.version).toBeGreaterThan(2);
    const view = buildCatalogueView(catalogue, progress);

    expect(view.paths.find((p) => p.id === "bonnes-pratiques")!.modules.find((m) => m.id === "cles-usb")!.state).toBe(
      "done",
    );
    expect(view.paths.find((p) => p.id === "reagir-et-proteger")).toMatchObject({ done: 1, total: 4 });
  });

  it("earns the module's certificate, naming the version the learner took", () => {
    const earned = earnedSubjects(catalogue, progress);

    expect(earned.find((s) => s.subjectId === "cles-usb")).toMatchObject({ subjectType: "module", subjectVersion: 2 });
    expect(earned.find((s) => s.subjectId === "cyber-incident")).toMatchObject({
      subjectType: "module",
      subjectVersion: 3,
    });
    expect(earned.some((s) => s.subjectType === "path")).toBe(false);
  });
});
