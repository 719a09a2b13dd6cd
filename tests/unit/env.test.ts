import { describe, expect, it } from "vitest";
import { EnvError, appMode, configurationIssues, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("uses the embedded database and port 3000 when nothing is set", () => {
    const config = parseEnv({});

    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PGLITE_DIR).toBe(".data/pglite");
    expect(config.PORT).toBe(3000);
  });

  it("reads the identity providers of the private network as a list of lower-case hosts", () => {
    expect(parseEnv({}).SSO_INTERNAL_PROVIDER_HOSTS).toEqual([]);
    expect(
      parseEnv({ SSO_INTERNAL_PROVIDER_HOSTS: " ADFS.ght-exemple.fr, [fd00::5],10.2.0.7 ," })
        .SSO_INTERNAL_PROVIDER_HOSTS,
    ).toEqual(["adfs.ght-exemple.fr", "fd00::5", "10.2.0.7"]);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    const url = "postgres://postgres@127.0.0.1:5432/vigie";

    expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("names every malformed variable with its reason", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://localhost/vigie", PORT: "quatre-vingt", APP_URL: "pas une url" });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(EnvError);
    const names = (error as EnvError).issues.map((issue) => issue.name).sort();
    expect(names).toEqual(["APP_URL", "DATABASE_URL", "PORT"]);
    expect((error as EnvError).message).toContain("DATABASE_URL: must be a PostgreSQL URL");
  });

  it("rejects a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT: must be between 1 and 65535/);
  });

  it("accepts an smtp:// or smtps:// SMTP_URL, treats an empty one as unset, and refuses anything else", () => {
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
    expect(parseEnv({ SMTP_URL: "smtps://user:pass@mail.example.org:465" }).SMTP_URL).toBe(
      "smtps://user:pass@mail.example.org:465",
    );
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL: must be an SMTP URL/);
  });

  it("keeps the audit log 12 months and the outbox 30 days unless told otherwise, within bounds", () => {
    expect(parseEnv({})).toMatchObject({ AUDIT_LOG_RETENTION_MONTHS: 12, MAIL_OUTBOX_RETENTION_DAYS: 30 });
    expect(parseEnv({ AUDIT_LOG_RETENTION_MONTHS: "6", MAIL_OUTBOX_RETENTION_DAYS: "7" })).toMatchObject({
      AUDIT_LOG_RETENTION_MONTHS: 6,
      MAIL_OUTBOX_RETENTION_DAYS: 7,
    });
    expect(() => parseEnv({ AUDIT_LOG_RETENTION_MONTHS: "0" })).toThrow(
      /AUDIT_LOG_RETENTION_MONTHS: must be at least 1/,
    );
    expect(() => parseEnv({ MAIL_OUTBOX_RETENTION_DAYS: "trente" })).toThrow(
      /MAIL_OUTBOX_RETENTION_DAYS: must be a number/,
    );
  });

  it("runs the reminder scheduler every 60 minutes unless REMINDERS_EVERY_MINUTES says otherwise (0: off)", () => {
    expect(parseEnv({}).REMINDERS_EVERY_MINUTES).toBe(60);
    expect(parseEnv({ REMINDERS_EVERY_MINUTES: "0" }).REMINDERS_EVERY_MINUTES).toBe(0);
    expect(() => parseEnv({ REMINDERS_EVERY_MINUTES: "-5" })).toThrow(
      /REMINDERS_EVERY_MINUTES: must be 0 \(off\) or more/,
    );
  });

  it("refuses plain-http identity providers on this machine in production unless SSO_ALLOW_LOOPBACK_HTTP=true", () => {
    expect(parseEnv({}).SSO_ALLOW_LOOPBACK_HTTP).toBe(false);
    expect(parseEnv({ SSO_ALLOW_LOOPBACK_HTTP: "true" }).SSO_ALLOW_LOOPBACK_HTTP).toBe(true);
    expect(() => parseEnv({ SSO_ALLOW_LOOPBACK_HTTP: "yes" })).toThrow(
      /SSO_ALLOW_LOOPBACK_HTTP: must be "true" or "false"/,
    );
  });
});

describe("configurationIssues", () => {
  const production = {
    DATABASE_URL: "postgres://vigie@db.internal:5432/vigie",
    APP_URL: "https://vigie.example.org",
    AUTH_SECRET: "a".repeat(32),
    SMTP_URL: "smtp://relay.example.org:587",
    TRUST_PROXY_HOPS: "1",
  };

  it("is in demo mode without DATABASE_URL, and in production mode with it unless VIGIE_MODE=demo", () => {
    expect(appMode(parseEnv({}))).toBe("demo");
    expect(appMode(parseEnv({ DATABASE_URL: production.DATABASE_URL }))).toBe("production");
    expect(appMode(parseEnv({ DATABASE_URL: production.DATABASE_URL, VIGIE_MODE: "demo" }))).toBe("demo");
    expect(configurationIssues({ DATABASE_URL: production.DATABASE_URL, VIGIE_MODE: "demo" })).toEqual([]);
  });

  it("lists every missing production setting at once", () => {
    const names = configurationIssues({ DATABASE_URL: production.DATABASE_URL }).map((issue) => issue.name);

    expect(names).toEqual(["APP_URL", "AUTH_SECRET", "SMTP_URL", "TRUST_PROXY_HOPS"]);
    expect(configurationIssues(production)).toEqual([]);
  });

  it("refuses an http APP_URL except on localhost, the embedded database and the loopback test setting in production", () => {
    expect(configurationIssues({ ...production, APP_URL: "http://vigie.example.org" })).toEqual([
      { name: "APP_URL", reason: expect.stringContaining("https://") },
    ]);
    expect(configurationIssues({ ...production, APP_URL: "http://localhost:3000" })).toEqual([]);
    expect(configurationIssues({ ...production, SSO_ALLOW_LOOPBACK_HTTP: "true" }).map((issue) => issue.name)).toEqual([
      "SSO_ALLOW_LOOPBACK_HTTP",
    ]);
    expect(
      configurationIssues({ ...production, DATABASE_URL: "", VIGIE_MODE: "production" }).map((issue) => issue.name),
    ).toEqual(["DATABASE_URL"]);
  });

  it("names a malformed value once, beside the missing ones", () => {
    const issues = configurationIssues({
      DATABASE_URL: production.DATABASE_URL,
      APP_URL: "pas une url",
      VIGIE_MODE: "prod",
    });

    expect(issues.map((issue) => issue.name).sort()).toEqual([
      "APP_URL",
      "AUTH_SECRET",
      "SMTP_URL",
      "TRUST_PROXY_HOPS",
      "VIGIE_MODE",
    ]);
  });
});
