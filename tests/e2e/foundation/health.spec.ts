import { expect, test } from "../fixtures";

test.describe("/api/health", () => {
  test("answers 200 with the database reachable", async ({ request }) => {
    const response = await request.get("/api/health");

    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.database).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
  });

  test("answers liveness without the database", async ({ request }) => {
    const response = await request.get("/api/health/live");

    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
