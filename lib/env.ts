import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), {
    message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
  });

const port = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

/** Every setting Vigie reads, with its default. Documented in README.md ("Settings"). */
export const envSchema = z.object({
  /**
   * "demo" (embedded database, local mailbox, demo accounts, a banner on every page) or
   * "production" (start-up refuses unsafe settings). Unset: production when DATABASE_URL is set.
   */
  VIGIE_MODE: z
    .enum(["demo", "production", ""], { message: 'must be "demo" or "production"' })
    .optional()
    .transform((value) => (value ? value : undefined)),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value : undefined))
    .pipe(postgresUrl.optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  PORT: port.default(3000),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  /** Reverse proxies in front of Vigie that append the client address to X-Forwarded-For. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** The public address: every absolute link (e-mails, QR codes, SSO callback) is built from it. */
  APP_URL: z
    .url({ protocol: /^https?$/, message: "must be an absolute http(s) URL such as https://vigie.example.org" })
    .optional(),
  /** Outgoing mail server; unset means mail is only kept in mail_outbox and shown on /boite-mail. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined))
    .pipe(
      z
        .string()
        .refine((value) => /^smtps?:\/\/[^/\s]+/.test(value), {
          message: "must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465",
        })
        .optional(),
    ),
  MAIL_FROM: z.string().trim().min(3).default("Vigie <ne-pas-repondre@vigie.invalid>"),
  /** Minutes between two runs of the in-process automatic reminders; 0 turns the scheduler off. */
  /**
   * Whether an establishment's identity provider may be a plain-http loopback address
   * (http://localhost, http://127.0.0.1): always outside production, in production only when
   * set to "true" (the end-to-end tests run a local provider against the production build).
   */
  SSO_ALLOW_LOOPBACK_HTTP: z
    .enum(["true", "false", ""], { message: 'must be "true" or "false"' })
    .optional()
    .transform((value) => value === "true"),
  /**
   * Host names (or addresses) of identity providers on the establishments' own network, comma
   * separated, exactly as in their URLs: only these may resolve to private addresses (RFC 1918,
   * unique local). Set by the operator, never by a manager.
   */
  SSO_INTERNAL_PROVIDER_HOSTS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((host) =>
          host
            .trim()
            .replace(/^\[|\]$/g, "")
            .toLowerCase(),
        )
        .filter(Boolean),
    ),
  /**
   * Slug of the centre whose platform admins operate the instance and alone read the audit
   * entries of no establishment; unset: the only centre at the root, if there is one only.
   */
  OPERATOR_CENTRE: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined)),
  /** How long the audit log keeps an entry (the CNIL advises 6 to 12 months for such traces). */
  AUDIT_LOG_RETENTION_MONTHS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(120, "must be at most 120")
    .default(12),
  /** How long mail_outbox keeps a message's record (who, subject, when), its links long gone. */
  MAIL_OUTBOX_RETENTION_DAYS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(3650, "must be at most 3650")
    .default(30),
  /** How long a phishing exercise's results are kept once it ended (its messages, clicks, reports). */
  PHISHING_RETENTION_MONTHS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(120, "must be at most 120")
    .default(12),
  /** Minutes without any request after which a session ends (ward PCs are shared); 8 hours at most in any case. */
  SESSION_IDLE_MINUTES: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(480, "must be at most 480 (the 8-hour session)")
    .default(30),
  /** Seconds between two runs of the phishing-exercise sender; 0 turns it off. */
  PHISHING_SEND_EVERY_SECONDS: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(3_600, "must be at most 3600 (an hour)")
    .default(60),
  /** Phishing-exercise messages one establishment may send per minute (its mail gateway may throttle). */
  PHISHING_SEND_PER_MINUTE: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100_000, "must be at most 100000")
    .default(60),
  REMINDERS_EVERY_MINUTES: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be 0 (off) or more")
    .max(10_080, "must be at most 10080 (a week)")
    .default(60),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: { name: string; reason: string }[]) {
    super("Invalid configuration:\n" + issues.map((issue) => `  - ${issue.name}: ${issue.reason}`).join("\n"));
    this.name = "EnvError";
  }
}

export type AppMode = "demo" | "production";

/** The mode of a parsed configuration: VIGIE_MODE, else production whenever DATABASE_URL is set. */
export function appMode(config: Pick<Env, "VIGIE_MODE" | "DATABASE_URL"> = env()): AppMode {
  return config.VIGIE_MODE ?? (config.DATABASE_URL ? "production" : "demo");
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * What production mode refuses, read from the raw variables so that it can be listed together
 * with malformed ones. A malformed VIGIE_MODE counts as production: unsafe settings never pass.
 */
export function productionProblems(source: Record<string, string | undefined>): { name: string; reason: string }[] {
  const set = (name: string) => (source[name] ?? "").trim() !== "";
  const mode = source.VIGIE_MODE?.trim() || (set("DATABASE_URL") ? "production" : "demo");
  if (mode === "demo") return [];
  const problems: { name: string; reason: string }[] = [];
  if (!set("DATABASE_URL"))
    problems.push({
      name: "DATABASE_URL",
      reason: "required in production (PostgreSQL); the embedded database is for demonstrations (VIGIE_MODE=demo)",
    });
  if (!set("APP_URL"))
    problems.push({
      name: "APP_URL",
      reason:
        "required in production: the public address that every link is built from, e.g. https://vigie.example.org",
    });
  else if (URL.canParse(source.APP_URL!.trim())) {
    const url = new URL(source.APP_URL!.trim());
    if (url.protocol !== "https:" && !LOCAL_HOSTS.has(url.hostname))
      problems.push({ name: "APP_URL", reason: "must start with https:// (plain http only for localhost)" });
  }
  if (!set("AUTH_SECRET"))
    problems.push({
      name: "AUTH_SECRET",
      reason: "required in production, the same on every instance (openssl rand -base64 32)",
    });
  if (!set("SMTP_URL"))
    problems.push({
      name: "SMTP_URL",
      reason:
        "required in production: sign-in, reset and invitation links are sent by mail (the local mailbox exists only in demo mode)",
    });
  if (!set("TRUST_PROXY_HOPS"))
    problems.push({
      name: "TRUST_PROXY_HOPS",
      reason:
        "required in production: the number of reverse proxies in front of Vigie that add X-Forwarded-For (1 behind nginx), 0 if clients connect directly",
    });
  if (source.SSO_ALLOW_LOOPBACK_HTTP?.trim() === "true")
    problems.push({ name: "SSO_ALLOW_LOOPBACK_HTTP", reason: "a test setting, refused in production" });

  return problems;
}

/**
 * Every malformed variable and, in production mode, every missing or unsafe one: what start-up
 * refuses, listed at once.
 */
export function configurationIssues(source: Record<string, string | undefined>): { name: string; reason: string }[] {
  const result = envSchema.safeParse(withoutEmpty(source));
  const malformed = result.success
    ? []
    : result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? "(environment)"), reason: issue.message }));
  const named = new Set(malformed.map((issue) => issue.name));

  return [...malformed, ...productionProblems(source).filter((problem) => !named.has(problem.name))];
}

/** Parses a set of variables, naming every variable that is missing or malformed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (result.success) return result.data;

  throw new EnvError(
    result.error.issues.map((issue) => ({
      name: String(issue.path[0] ?? "(environment)"),
      reason: issue.message,
    })),
  );
}

/** An empty variable (FOO= in a compose file) is an unset one. */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== "",
    ),
  );
}

let cached: Env | undefined;

/** The process configuration, read and validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);

  return cached;
}
