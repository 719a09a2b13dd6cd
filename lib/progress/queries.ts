import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type ModuleProgress, moduleProgress } from "@/db/schema";

export type ModuleState = "todo" | "in_progress" | "done";

/** à faire, en cours, terminé. */
export function moduleState(progress: Pick<ModuleProgress, "completedAt"> | undefined): ModuleState {
  if (!progress) return "todo";

  return progress.completedAt ? "done" : "in_progress";
}

/** The learner's progress rows, by module id. Only ever the learner's own. */
export async function listLearnerProgress(db: Db, userId: string): Promise<Map<string, ModuleProgress>> {
  const rows = await db.select().from(moduleProgress).where(eq(moduleProgress.userId, userId));

  return new Map(rows.map((row) => [row.moduleId, row]));
}

export async function getModuleProgress(db: Db, userId: string, moduleId: string): Promise<ModuleProgress | undefined> {
  const [row] = await db
    .select()
    .from(moduleProgress)
    .where(and(eq(moduleProgress.userId, userId), eq(moduleProgress.moduleId, moduleId)));

  return row;
}
