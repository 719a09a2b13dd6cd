import { type AddressInfo, type Server, createServer } from "node:net";
import { expect, test } from "../fixtures";
import { and, eq } from "drizzle-orm";
import { auditLog, organisationSso } from "@/db/schema";
import { createOrganisation, createUser, uniqueSuffix } from "@/db/seed/factories";
import { waitForRoomInMinute } from "../../support/clock";
import { type TestDb, createTestDb } from "../../support/db";
import { type SmtpSink, startSmtpSink } from "../../support/smtp-sink";
import { type SpawnedServer, spawnServer, waitForExit } from "../../support/spawn-server";

// Production mode runs on PostgreSQL only: the one of the run (DATABASE_URL), else the local one.
const POSTGRES_SERVER = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "un cheval bleu sur la digue";
const CODE = "7Q2M9F0K3R1ABCDEFGHJKMNPQR";

let database: TestDb;
let smtp: SmtpSink;

test.skip(({ isMobile }) => isMobile, "starts its own servers; once is enough");

test.beforeAll(async () => {
  [database, smtp] = await Promise.all([createTestDb(POSTGRES_SERVER), startSmtpSink()]);
});

test.afterAll(async () => {
  await Promise.all([database?.close(), smtp?.close()]);
});

function productionSettings(port: number): Record<string, string> {
  return {
    DATABASE_URL: database.databaseUrl!,
    PORT: String(port),
    APP_URL: "https://vigie.example.test",
    AUTH_SECRET: "c".repeat(44),
    SMTP_URL: smtp.url,
    TRUST_PROXY_HOPS: "0",
    VIGIE_MODE: "",
    SSO_ALLOW_LOOPBACK_HTTP: "",
    REMINDERS_EVERY_MINUTES: "0",
  };
}

async function started(server: SpawnedServer): Promise<SpawnedServer> {
  await expect
    .poll(
      async () =>
        (await fetch(`${server.url}/api/health`).catch(() => null))?.status ??
        (server.process.exitCode === null ? 0 : -1),
      { timeout: 60_000 },
    )
    .toBe(200);

  return server;
}

test("refuses to start in production mode, naming each missing or unsafe setting in one message", async () => {
  const missing = spawnServer(3162, {
    ...productionSettings(3162),
    APP_URL: "",
    AUTH_SECRET: "",
    SMTP_URL: "",
    TRUST_PROXY_HOPS: "",
  });
  try {
    expect(await waitForExit(missing.process, 30_000)).toBe(1);
    for (const name of ["APP_URL", "AUTH_SECRET", "SMTP_URL", "TRUST_PROXY_HOPS"])
      expect(missing.output()).toContain(`  - ${name}: required in production`);
    // Nothing was served meanwhile, /boite-mail included.
    expect(await fetch(`${missing.url}/boite-mail`).catch(() => null)).toBeNull();
  } finally {
    await missing.stop();
  }

  const plainHttp = spawnServer(3162, { ...productionSettings(3162), APP_URL: "http://vigie.example.test" });
  try {
    expect(await waitForExit(plainHttp.process, 30_000)).toBe(1);
    expect(plainHttp.output()).toContain("APP_URL: must start with https://");
  } finally {
    await plainHttp.stop();
  }
});

test("the demo seed refuses a production database", async () => {
  const { execFileSync } = await import("node:child_process");
  let status = 0;
  let output = "";
  try {
    execFileSync("npm", ["run", "--silent", "db:seed"], {
      cwd: `${__dirname}/../../..`,
      env: { ...process.env, DATABASE_URL: database.databaseUrl!, VIGIE_MODE: "" },
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    const failure = error as { status: number; stderr: string };
    status = failure.status;
    output = failure.stderr;
  }

  expect(status).toBe(1);
  expect(output).toContain("refused: production mode");
  const demoAdmin = await database.db.query.users.findFirst({
    where: (users, { eq: equals }) => equals(users.email, "admin@vigie.test"),
  });
  expect(demoAdmin).toBeUndefined();
});

test.describe("a production server", () => {
  let server: SpawnedServer;
  let canary: Server;
  let canaryConnections = 0;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    canary = createServer((socket) => {
      canaryConnections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => canary.listen(0, "127.0.0.1", resolve));
    server = await started(spawnServer(3163, productionSettings(3163)));
  });

  test.afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => canary?.close(resolve));
  });

  test("has no local mailbox nor demo banner, says nothing of the database on /api/health, and answers liveness", async () => {
    expect((await fetch(`${server.url}/boite-mail`)).status).toBe(404);
    expect((await (await fetch(`${server.url}/connexion`)).text()).includes("Démonstration")).toBe(false);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(Object.keys(await health.json()).sort()).toEqual(["database", "status"]);
    expect((await fetch(`${server.url}/api/health/live`)).status).toBe(200);
  });

  test("sends HSTS and __Host- cookies, Secure and without Domain, on its https address", async () => {
    const page = await fetch(`${server.url}/connexion`);
    expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(page.headers.get("content-security-policy")).toBeTruthy();
    // Route handlers and static files too, not only pages.
    for (const path of ["/api/health/live", "/api/auth/csrf", "/icon.svg"]) {
      expect((await fetch(`${server.url}${path}`)).headers.get("strict-transport-security"), path).toBe(
        "max-age=63072000; includeSubDomains",
      );
    }

    const email = `prod-${uniqueSuffix()}@vigie.test`;
    await createUser(database.db, {
      email,
      password: PASSWORD,
      organisationId: (await createOrganisation(database.db)).id,
    });
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0]!)
      .join("; ");
    const signIn = await fetch(`${server.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
      body: new URLSearchParams({ email, password: PASSWORD, csrfToken }),
    });
    const session = signIn.headers.getSetCookie().find((cookie) => cookie.includes("session-token="));

    expect(session).toMatch(/^__Host-authjs\.session-token=/);
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/Domain=/i);
  });

  test("answers 404, not 500, to a malformed certificate code", async () => {
    for (const code of ["%25", "%2541", "pas-un-code"])
      expect((await fetch(`${server.url}/certificat/${code}`)).status, code).toBe(404);
    // A bare % is not a valid address: Next.js itself answers 400 before any page runs.
    expect((await fetch(`${server.url}/certificat/%`)).status).toBe(400);
  });

  test("limits certificate checks per client address, whatever X-Forwarded-For the client sends", async () => {
    // The limit counts per fixed minute: the 32 checks must not straddle two (a flake in CI).
    await waitForRoomInMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await fetch(`${server.url}/certificat/${CODE}`, { headers: { "x-forwarded-for": `203.0.113.${i + 1}` } }))
          .status,
      );
    const refused = await fetch(`${server.url}/certificat/${CODE}`, { headers: { "x-forwarded-for": "198.51.100.1" } });

    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Trop de vérifications");
  });

  test("never calls an identity provider at a private, metadata or loopback address", async () => {
    const port = (canary.address() as AddressInfo).port;
    for (const issuer of [
      `https://localhost:${port}`,
      "https://10.0.0.1",
      "https://169.254.169.254",
      `https://127.0.0.1:${port}`,
    ]) {
      const organisation = await createOrganisation(database.db);
      await database.db.insert(organisationSso).values({
        organisationId: organisation.id,
        displayName: "IdP",
        issuer,
        clientId: "vigie",
        clientSecretEncrypted: "-",
      });
      const response = await fetch(`${server.url}/api/sso/${organisation.slug}/demarrer`, { redirect: "manual" });

      expect(response.headers.get("location"), issuer).toContain(
        `/connexion/etablissement/${organisation.slug}?erreur=fournisseur`,
      );
      const [entry] = await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.organisationId, organisation.id), eq(auditLog.action, "sign_in.failed")));
      expect(JSON.stringify(entry?.details), issuer).toContain("adresse interne refusée");
    }

    expect(canaryConnections).toBe(0);
  });
});

test.describe("a demo server on PostgreSQL (VIGIE_MODE=demo) without APP_URL", () => {
  let server: SpawnedServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    // No APP_URL: the runner's environment has none (demo mode builds links on this machine's address).
    server = await started(
      spawnServer(3164, {
        DATABASE_URL: database.databaseUrl!,
        PORT: "3164",
        VIGIE_MODE: "demo",
        AUTH_SECRET: "d".repeat(44),
        SMTP_URL: smtp.url,
        REMINDERS_EVERY_MINUTES: "0",
      }),
    );
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("says on every page that it is a demonstration", async () => {
    for (const path of ["/", "/connexion"]) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html.includes("Démonstration\u202f: ce site n&#x27;est pas fait pour des données réelles"), path).toBe(
        true,
      );
    }
  });

  test("mails sign-in links to its own address, whatever Host or X-Forwarded-Host the request forges", async () => {
    const email = `lien-${uniqueSuffix()}@vigie.test`;
    await createUser(database.db, { email, organisationId: (await createOrganisation(database.db)).id });
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((value) => value.split(";")[0]!)
      .join("; ");
    await fetch(`${server.url}/api/auth/signin/nodemailer`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie,
        "x-forwarded-host": "vigie-login.attacker.example",
        "x-forwarded-proto": "https",
      },
      body: new URLSearchParams({ email, csrfToken, callbackUrl: "/modules" }),
    });

    await expect.poll(() => smtp.received.filter((mail) => mail.to === email).length, { timeout: 10_000 }).toBe(1);
    // Quoted-printable wraps long lines with "=\r\n" and encodes "=" as "=3D".
    const body = smtp.received
      .find((mail) => mail.to === email)!
      .text.replace(/=\r?\n/g, "")
      .replace(/=3D/g, "=");
    expect(body).not.toContain("attacker.example");
    expect(body).toContain("http://localhost:3164/api/auth/callback/nodemailer?");
  });
});
