import { getDb } from "@/db/client";
import { purgeExpiredData } from "./purge-expired-data";

/** One purge with the settings in force, for the in-process scheduler: logs its counts, never throws. */
export async function runRetentionPurgeOnce(): Promise<void> {
  try {
    const { db } = await getDb();
    const counts = await purgeExpiredData(db);
    console.log(`[retention] purge: ${JSON.stringify(counts)}`);
  } catch (error) {
    console.error("[retention] purge failed:", error);
  }
}
