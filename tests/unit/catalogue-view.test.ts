import { describe, expect, it } from "vitest";
import type { ModuleProgress } from "@/db/schema";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { buildCatalogueView } from "@/lib/progress/catalogue-view";

const catalogue = loadCatalogue();
const at = new Date("2026-11-02T09:00:00Z");
const path = catalogue.paths.find((p) => p.id === "bonnes-pratiques")!;

function progressOf(moduleId: string, completed: boolean): [string, ModuleProgress] {
  const module = catalogue.moduleById.get(moduleId)!;
  const completedAt = completed ? at : null;

  return [
    moduleId,
    {
      userId: "u",
      organisationId: "o",
      moduleId,
      moduleVersion: module.version,
      completedVersion: completed ? module.version : null,
      completedAt,
      lastCompletedAt: completedAt,
      startedAt: at,
      lastActivityAt: at,
    } as ModuleProgress,
  ];
}

const viewOf = (entries: [string, ModuleProgress][]) =>
  buildCatalogueView(catalogue, new Map(entries)).paths.find((p) => p.id === path.id)!;

describe("the catalogue's path button", () => {
  it("starts the path at its first module when none of its modules has progress", () => {
    expect(viewOf([]).next).toEqual({ moduleId: path.moduleIds[0], action: "start" });
  });

  it("resumes at the first module not done, once any module of the path has progress", () => {
    expect(viewOf([progressOf(path.moduleIds[0]!, true)]).next).toEqual({
      moduleId: path.moduleIds[1],
      action: "resume",
    });
    expect(viewOf([progressOf(path.moduleIds[2]!, false)]).next).toEqual({
      moduleId: path.moduleIds[0],
      action: "resume",
    });
  });

  it("is gone once every module of the path is done", () => {
    expect(viewOf(path.moduleIds.map((id) => progressOf(id, true))).next).toBeNull();
  });
});
