import { expect, test } from "../fixtures";
import { spawnServer, waitForExit } from "../../support/spawn-server";

// These start their own servers; once is enough.
test.skip(({ isMobile }) => isMobile, "server start-up is the same on every viewport");

test.describe("server start-up", () => {
  test("stops with the variable named when the configuration is malformed", async () => {
    const server = spawnServer(3191, { DATABASE_URL: "mysql://localhost/vigie", PORT: "3191" });
    try {
      const code = await waitForExit(server.process, 30_000);

      expect(code).toBe(1);
      expect(server.output()).toContain("DATABASE_URL: must be a PostgreSQL URL");
    } finally {
      await server.stop();
    }
  });

  test("answers /api/health with 503 and no details when the database is unreachable, and logs the reason", async ({
    request,
  }) => {
    // Nothing listens on port 1 of the loopback interface; the other settings production requires.
    const production = {
      APP_URL: "http://localhost:3192",
      AUTH_SECRET: "s".repeat(44),
      SMTP_URL: "smtp://127.0.0.1:1",
      TRUST_PROXY_HOPS: "0",
      VIGIE_MODE: "",
    };
    const server = spawnServer(3192, {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/vigie",
      PORT: "3192",
      ...production,
    });
    try {
      await expect
        .poll(async () => (await request.get(`${server.url}/api/health`).catch(() => null))?.status() ?? 0, {
          timeout: 30_000,
        })
        .toBe(503);
      const body = await (await request.get(`${server.url}/api/health`)).json();

      expect(body).toEqual({ status: "unavailable", database: "postgresql" });
      expect(server.output()).toMatch(/health: database unavailable: .*ECONNREFUSED/);
      // Liveness does not touch the database.
      expect((await request.get(`${server.url}/api/health/live`)).status()).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
