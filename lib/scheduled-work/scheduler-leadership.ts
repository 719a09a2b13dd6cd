import type { Client } from "pg";

// One bigint key: its own lock space, apart from the two-key locks of the dashboard (0009).
const LEADER_KEY = "7426000001";

/**
 * Which app instance runs the scheduled work (automatic reminders, purges): the one holding a
 * PostgreSQL session advisory lock on its own connection. It keeps it while it lives; when it
 * stops or loses its connection, the lock goes with the session and the next instance that
 * asks takes it. Reminders are also claimed row by row (deliverReminders), so even two runs at
 * once would send nothing twice; the lock makes a run happen once per period, not once per
 * instance. Without DATABASE_URL (PGlite), only one process can open the database: it leads.
 */
export class SchedulerLeadership {
  private client: Client | null = null;
  private asking: Promise<boolean> | null = null;

  constructor(private readonly databaseUrl: string | undefined) {}

  /** Whether this instance leads now, taking the lead if nobody holds it. */
  isLeader(): Promise<boolean> {
    if (!this.databaseUrl) return Promise.resolve(true);
    if (this.client) return Promise.resolve(true);
    this.asking ??= this.ask().finally(() => (this.asking = null));

    return this.asking;
  }

  /** Gives the lead up (clean shutdown), so that another instance takes it at once. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async ask(): Promise<boolean> {
    const { Client } = await import("pg");
    const client = new Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 5_000,
    });
    // A lost connection (PostgreSQL restarted) loses the lock too: stop leading, ask again later.
    client.on("error", () => {
      if (this.client === client) this.client = null;
      void client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ won: boolean }>("select pg_try_advisory_lock($1::bigint) as won", [
        LEADER_KEY,
      ]);
      if (rows[0]?.won) {
        this.client = client;
        client.once("end", () => this.client === client && (this.client = null));
        return true;
      }
    } catch {
      // The database is unavailable: nobody leads from here until it is back.
    }
    await client.end().catch(() => undefined);

    return false;
  }
}
