/**
 * Where work that must not delay an answer runs: after the response in the app
 * (afterResponse, lib/auth/after-response.ts), at once where nobody waits (scripts, tests).
 */
export type Defer = (label: string, work: () => Promise<unknown>) => void | Promise<unknown>;

/** Runs the work now and waits for it: for callers with no response to send first. */
export const runNow: Defer = (_label, work) => work();
