import { after } from "next/server";

import type { Defer } from "./defer";

/**
 * Next's after(): the work starts once the answer has gone, so the answer cannot wait on it.
 * Link flows use it for what only an existing account gets (a token, a mail through SMTP), so
 * that the answer takes the same path, and time, whether or not the account exists (review
 * M13). A failure is logged: the person has their answer already, which never depended on it.
 */
export const afterResponse: Defer = (label, work) => {
  after(async () => {
    try {
      await work();
    } catch (error) {
      console.error(`[${label}] ${error instanceof Error ? error.message : String(error)}`);
    }
  });
};
