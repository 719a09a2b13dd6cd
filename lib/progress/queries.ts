import { and, eq, sql } from "drizzle-orm";
import { type Db, preparedPerDb } from "@/db/client";
import { type ModuleProgress, moduleProgress } from "@/db/schema";

export type ModuleState = "todo" | "in_progress" | "done";

/** à faire, en cours, terminé. */
export function moduleState(progress: Pick<ModuleProgress, "completedAt"> | undefined): ModuleState {
  if (!progress) return "todo";

  return progress.completedAt ? "done" : "in_progress";
}

// Read by the catalogue, the module page and every certificate issue: prepared (preparedPerDb).
const learnerProgress = preparedPerDb((db) =>
  db
    .select()
    .from(moduleProgress)
    .where(eq(moduleProgress.userId, sql.placeholder("userId")))
    .prepare("learner_progress"),
);

const learnerModuleProgress = preparedPerDb((db) =>
  db
    .select()
    .from(moduleProgress)
    .where(
      and(
        eq(moduleProgress.userId, sql.placeholder("userId")),
        eq(moduleProgress.moduleId, sql.placeholder("moduleId")),
      ),
    )
    .prepare("learner_module_progress"),
);

/** The learner's progress rows, by module id. Only ever the learner's own. */
export async function listLearnerProgress(db: Db, userId: string): Promise<Map<string, ModuleProgress>> {
  const rows = await learnerProgress(db).execute({ userId });

  return new Map(rows.map((row) => [row.moduleId, row]));
}

export async function getModuleProgress(db: Db, userId: string, moduleId: string): Promise<ModuleProgress | undefined> {
  const [row] = await learnerModuleProgress(db).execute({ userId, moduleId });

  return row;
}
