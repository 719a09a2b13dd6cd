import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { encode } from "next-auth/jwt";
import { Client } from "pg";
import { expect, test } from "../fixtures";
import { userSessions } from "@/db/schema";
import { createOrganisation, createUser } from "@/db/seed/factories";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { waitForRoomInMinute } from "../../support/clock";
import { type TestDb, createTestDb } from "../../support/db";
import { freePort } from "../../support/free-port";
import { type SpawnedServer, spawnServer, waitForExit, waitForServer } from "../../support/spawn-server";

// Each test starts its own servers, on free ports (helpers and CI may run this spec side by side);
// the answers do not depend on the viewport.
test.skip(({ repeatViewport }) => repeatViewport, "once per run");
test.describe.configure({ timeout: 120_000 });

const SECRET = "reliability-test-secret-0123456789abcdefghij";
const PASSWORD = "une phrase de passe assez longue";

function serverEnv(port: number, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  // Demo mode on PostgreSQL: these servers test faults, not the production settings.
  return {
    VIGIE_MODE: "demo",
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: SECRET,
    REMINDERS_EVERY_MINUTES: "0",
    ...extra,
  };
}

/** A session cookie for `userId`, made with the servers' AUTH_SECRET as Auth.js makes it. */
/** A session token for `userId`; with a database, backed by a live server session, as tokens now must be. */
async function sessionCookie(userId: string, db?: TestDb["db"]): Promise<string> {
  let sessionId: string = randomUUID();
  if (db) {
    const now = new Date();
    const [row] = await db
      .insert(userSessions)
      .values({
        userId,
        method: "password",
        expiresAt: new Date(now.getTime() + 3_600_000),
        lastSeenAt: now,
        authenticatedAt: now,
      })
      .returning({ id: userSessions.id });
    sessionId = row!.id;
  }
  const value = await encode({
    token: { sub: userId, sessionId },
    secret: SECRET,
    salt: "authjs.session-token",
    maxAge: 3600,
  });

  return `authjs.session-token=${value}`;
}

// The module as the catalogue has it now: an event of an older version is refused (409).
const module = loadCatalogue().moduleById.get("cles-usb")!;

function progressEvent(userId: string) {
  return {
    eventId: randomUUID(),
    learnerId: userId,
    moduleId: module.id,
    moduleVersion: module.version,
    kind: "step_viewed",
    stepId: module.steps[0]!.id,
    occurredAt: new Date().toISOString(),
    activeSeconds: 3,
  };
}

function unavailableLines(output: string): string[] {
  return output.split("\n").filter((line) => line.includes("[db] unavailable"));
}

test.describe("a database that is down or blocked", () => {
  test("answers 503 with Retry-After, not 500, when PostgreSQL is down, asking it once per request", async () => {
    // Nothing listens on port 1 of the loopback interface.
    const port = await freePort();
    const server = spawnServer(port, serverEnv(port, "postgres://postgres@127.0.0.1:1/vigie"));
    try {
      await waitForServer(server);
      const page = await fetch(`${server.url}/certificat/ABCDE-FGHJK`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");

      const before = unavailableLines(server.output()).length;
      const events = await fetch(`${server.url}/api/progress/events`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, cookie: await sessionCookie(randomUUID()) },
        body: JSON.stringify({ events: [progressEvent(randomUUID())] }),
      });
      expect(events.status).toBe(503);
      expect(events.headers.get("retry-after")).toBe("5");
      expect(await events.json()).toMatchObject({
        code: "unavailable",
        message: expect.stringContaining("momentanément indisponible"),
      });
      await expect.poll(() => unavailableLines(server.output()).length).toBe(before + 1);
      expect(server.output()).not.toContain("params:");

      // The player's state, as the events: 503 and Retry-After, never cached.
      const state = await fetch(`${server.url}/api/progress/state?module=${module.id}`, {
        headers: { cookie: await sessionCookie(randomUUID()) },
      });
      expect(state.status).toBe(503);
      expect(state.headers.get("retry-after")).toBe("5");
      expect(state.headers.get("cache-control")).toBe("no-store");
      expect((await state.json()).code).toBe("unavailable");
    } finally {
      await server.stop();
    }
  });
});

test.describe("on PostgreSQL", () => {
  test.skip(!process.env.DATABASE_URL, "needs the PostgreSQL server that DATABASE_URL names");
  let database: TestDb;
  const servers: SpawnedServer[] = [];
  let learner: { id: string; email: string };

  test.beforeAll(async () => {
    database = await createTestDb();
    const organisation = await createOrganisation(database.db, { name: "Fiabilité" });
    const user = await createUser(database.db, { organisationId: organisation.id, password: PASSWORD });
    learner = { id: user.id, email: user.email! };
  });

  test.afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  test.afterAll(async () => {
    await database?.close();
  });

  async function holdLock(table: string): Promise<Client> {
    const client = new Client({ connectionString: database.databaseUrl });
    await client.connect();
    await client.query("begin");
    await client.query(`lock table ${table} in access exclusive mode`);

    return client;
  }

  test("answers 503 within seconds while a lock blocks the statement, as a page and as JSON", async () => {
    const port = await freePort();
    const server = spawnServer(port, serverEnv(port, database.databaseUrl!));
    servers.push(server);
    await waitForServer(server);
    const lock = await holdLock("rate_limits, module_progress");
    try {
      const page = await fetch(`${server.url}/certificat/ABCDE-FGHJK`);
      expect(page.status).toBe(503);
      expect(page.headers.get("retry-after")).toBe("5");

      const events = await fetch(`${server.url}/api/progress/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: server.url,
          cookie: await sessionCookie(learner.id, database.db),
        },
        body: JSON.stringify({ events: [progressEvent(learner.id)] }),
      });
      expect(events.status).toBe(503);
      expect(await events.json()).toMatchObject({ code: "unavailable" });
    } finally {
      await lock.query("rollback");
      await lock.end();
    }
    // One line per failed request, naming the statement (a loaded machine may time out on
    // connecting rather than on the lock: both are bounded waits).
    const lines = unavailableLines(server.output());
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/lock timeout|timeout exceeded/);
    expect(lines[0]).toContain('insert into "rate_limits"');
  });

  /**
   * Sends progress events until one is seen waiting on the lock that `lock` holds. On a loaded
   * machine a request can be answered 503 before it reaches the lock (waiting for a connection
   * instead), so a poll that waited only for the lock would spin until the test's timeout.
   */
  async function requestWaitingOnLock(server: SpawnedServer, lock: Client): Promise<{ inFlight: Promise<Response> }> {
    const cookie = await sessionCookie(learner.id, database.db);
    for (let attempt = 1; attempt <= 5; attempt++) {
      let settled = false;
      const inFlight = fetch(`${server.url}/api/progress/events`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: server.url, cookie },
        body: JSON.stringify({ events: [progressEvent(learner.id)] }),
      }).finally(() => (settled = true));
      while (!settled) {
        const { rows } = await lock.query(
          "select count(*)::int as n from pg_locks where not granted and relation = 'module_progress'::regclass",
        );
        if (rows[0].n > 0) return { inFlight };
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const early = await inFlight;
      expect(early.status, "answered before reaching the lock: only a bounded wait may do that").toBe(503);
    }
    throw new Error("no request reached the lock in 5 attempts");
  }

  test("on SIGTERM to npm start, finishes the request in flight, closes, and exits 0 leaving no server behind", async () => {
    const port = await freePort();
    const server = spawnServer(port, serverEnv(port, database.databaseUrl!), { viaNpm: true });
    servers.push(server);
    await waitForServer(server);
    const lock = await holdLock("module_progress");
    // The request is waiting on the lock when the signal comes; the lock goes soon after.
    const { inFlight } = await requestWaitingOnLock(server, lock);
    server.process.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await lock.query("rollback");
    await lock.end();

    // Answered in full, not cut: recorded, or 503 if the lock outlasted lock_timeout on a loaded machine.
    const response = await inFlight;
    const body = await response.json();
    expect([200, 503]).toContain(response.status);
    if (response.status === 200) expect(body.outcomes[0].status).toBe("recorded");
    else expect(body).toMatchObject({ code: "unavailable" });
    expect(await waitForExit(server.process, 15_000)).toBe(0);
    expect(server.output()).toContain("[vigie] stopped in");
    // Nothing is left listening: npm passed the signal on to the server itself.
    expect(
      await fetch(`${server.url}/api/health`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  });

  test("two instances share sessions and limits, and one of them runs the scheduled work", async () => {
    const firstPort = await freePort();
    let secondPort = await freePort();
    // Nothing listens on the first yet: the probe may hand it out again.
    while (secondPort === firstPort) secondPort = await freePort();
    const first = spawnServer(
      firstPort,
      serverEnv(firstPort, database.databaseUrl!, { REMINDERS_EVERY_MINUTES: "60" }),
    );
    const second = spawnServer(
      secondPort,
      serverEnv(secondPort, database.databaseUrl!, { REMINDERS_EVERY_MINUTES: "60", APP_URL: first.url }),
    );
    servers.push(first, second);
    await Promise.all([waitForServer(first), waitForServer(second)]);

    // A session made by signing in on one instance works on the other.
    const csrf = await fetch(`${first.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${first.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      },
      body: new URLSearchParams({ email: learner.email, password: PASSWORD, csrfToken, callbackUrl: "/modules" }),
    });
    const session = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.startsWith("authjs.session-token="));
    expect(session).toBeTruthy();
    const events = await fetch(`${second.url}/api/progress/events`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: first.url, cookie: session! },
      body: JSON.stringify({ events: [progressEvent(learner.id)] }),
    });
    expect(events.status).toBe(200);

    // The certificate checks' per-address limit (30 a minute) counts both instances' checks.
    const limited = async (server: SpawnedServer) => {
      const response = await fetch(`${server.url}/certificat/ABCDE-FGHJK`);
      return response.status === 429 || (await response.text()).includes("Trop de vérifications");
    };
    // The limit counts per minute: all 32 checks must fall in one.
    await waitForRoomInMinute();
    const answers: boolean[] = [];
    for (let i = 0; i < 16; i++) answers.push(await limited(first), await limited(second));
    expect(answers.slice(0, 30).some(Boolean)).toBe(false);
    expect(answers.slice(30).every(Boolean)).toBe(true);

    // Exactly one instance leads the scheduled work; the other stands by.
    await expect
      .poll(() => [first, second].filter((s) => /\[scheduled-work\]/.test(s.output())).length, { timeout: 20_000 })
      .toBe(2);
    const leaders = [first, second].filter((s) =>
      s.output().includes("this instance runs the automatic reminders and the retention purge"),
    );
    const standing = [first, second].filter((s) =>
      s.output().includes("another instance runs the automatic reminders and the retention purge"),
    );
    expect(leaders).toHaveLength(1);
    expect(standing).toHaveLength(1);
  });
});

test.describe("on the embedded database", () => {
  test.skip(!!process.env.DATABASE_URL, "PGlite only");

  test("refuses a second process at once, naming the server that holds it, and backs up through that server", async () => {
    test.setTimeout(400_000);
    const root = path.join(__dirname, "..", "..", "..");
    const dataDir = path.join(".data", `e2e-reliab-${Date.now()}`);
    const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir };
    execFileSync("npm", ["run", "--silent", "db:migrate"], { cwd: root, env, stdio: "ignore" });
    const port = await freePort();
    const server = spawnServer(port, { ...serverEnv(port, ""), PGLITE_DIR: dataDir });
    const backups = mkdtempSync(path.join(tmpdir(), "vigie-backup-"));
    try {
      await waitForServer(server);
      // The server opens the database on its first request that needs it.
      await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status, { timeout: 30_000 }).toBe(200);

      const seed = spawnSync("npm", ["run", "--silent", "db:seed"], {
        cwd: root,
        env,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(seed.status).toBe(1);
      expect(seed.stderr).toContain(`déjà ouverte par le processus ${server.process.pid}`);

      const file = path.join(backups, "vigie.tar.gz");
      const backup = spawnSync("npm", ["run", "--silent", "db:backup", "--", `--out=${file}`], {
        cwd: root,
        env,
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("by the running server");
      const restored = await PGlite.create("memory://", { loadDataDir: new Blob([readFileSync(file)]) });
      const { rows } = await restored.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      await restored.close();
      const journal = JSON.parse(
        readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8"),
      ) as { entries: unknown[] };
      expect(rows[0]!.n).toBe(journal.entries.length);

      // The server still serves after both.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(backups, { recursive: true, force: true });
      rmSync(path.join(root, dataDir), { recursive: true, force: true });
    }
  });
});
