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
  APP_URL: z.url({ message: "must be an absolute URL such as https://vigie.example.org" }).optional(),
  /** Outgoing mail server; unset means mail is only kept in mail_outbox and shown on /boite-mail. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined))
    .pipe(
      z
        .string()
        .refine((value) => /^smtps?:\/\/[^/\s]+/.test(value), { message: "must be an SMTP URL such as smtp://user:password@mail.example.org:587 or smtps://…:465" })
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
   * Slug of the centre whose platform admins operate the instance and alone read the audit
   * entries of no establishment; unset: the only centre at the root, if there is one only.
   */
  OPERATOR_CENTRE: z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined)),
  /** How long the audit log keeps an entry (the CNIL advises 6 to 12 months for such traces). */
  AUDIT_LOG_RETENTION_MONTHS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(120, "must be at most 120").default(12),
  /** How long mail_outbox keeps a message's record (who, subject, when), its links long gone. */
  MAIL_OUTBOX_RETENTION_DAYS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(3650, "must be at most 3650").default(30),
  /** Minutes without any request after which a session ends (ward PCs are shared); 8 hours at most in any case. */
  SESSION_IDLE_MINUTES: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(480, "must be at most 480 (the 8-hour session)").default(30),
  REMINDERS_EVERY_MINUTES: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more").max(10_080, "must be at most 10080 (a week)").default(60),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly issues: { name: string; reason: string }[]) {
    super(
      "Invalid configuration:\n" +
        issues.map((issue) => `  - ${issue.name}: ${issue.reason}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

/** Parses a set of variables, naming every variable that is missing or malformed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;

  throw new EnvError(
    result.error.issues.map((issue) => ({
      name: String(issue.path[0] ?? "(environment)"),
      reason: issue.message,
    })),
  );
}

let cached: Env | undefined;

/** The process configuration, read and validated once. */
export function env(): Env {
  cached ??= parseEnv(process.env);

  return cached;
}
