import { env } from "@/lib/env";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working shift, never extended
// A session's last use is written at most once a minute, so that reading pages costs no write;
// the idle timeout is therefore honoured to within a minute.
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionMethod = "password" | "magic_link" | "sso";

/** What a session must satisfy at `now`: not past its end, used since `idleSince`. */
export type SessionWindow = { now: Date; idleSince: Date; touchBefore: Date };

/** The window of a live session at `now`, with the idle timeout set by SESSION_IDLE_MINUTES. */
export function sessionWindow(now = new Date(), idleMinutes = env().SESSION_IDLE_MINUTES): SessionWindow {
  return {
    now,
    idleSince: new Date(now.getTime() - idleMinutes * 60_000),
    touchBefore: new Date(now.getTime() - TOUCH_INTERVAL_MS),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session or user id as the server issues them (a uuid); anything else in a token is no session. */
export const isSessionId = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
