import { describe, expect, it } from "vitest";
import { describeDatabaseFailure, isDatabaseUnavailable } from "@/db/database-unavailable";

/** What drizzle throws: the statement and its parameters, the driver's error as `cause`. */
function drizzleError(cause: Error): Error {
  return Object.assign(
    new Error('Failed query: select * from "users" where "email" = $1\nparams: someone@example.org'),
    {
      query: 'select * from "users"\n  where "email" = $1',
      params: ["someone@example.org"],
      cause,
    },
  );
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises timeouts, a server going away and an exhausted pool, through drizzle's wrapper", () => {
    expect(isDatabaseUnavailable(drizzleError(pgError("55P03", "canceling statement due to lock timeout")))).toBe(true);
    expect(isDatabaseUnavailable(drizzleError(pgError("57014", "canceling statement due to statement timeout")))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(drizzleError(pgError("57P01", "terminating connection due to administrator command"))),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new AggregateError([pgError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")])),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(drizzleError(new Error("Connection terminated unexpectedly")))).toBe(true);
  });

  it("leaves bugs and bad data alone", () => {
    expect(
      isDatabaseUnavailable(drizzleError(pgError("23505", "duplicate key value violates unique constraint"))),
    ).toBe(false);
    expect(isDatabaseUnavailable(drizzleError(pgError("42P01", 'relation "x" does not exist')))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
  });
});

describe("describeDatabaseFailure", () => {
  it("is one line naming the reason and the statement, without its parameters", () => {
    const line = describeDatabaseFailure(drizzleError(pgError("55P03", "canceling statement due to lock timeout")));

    expect(line).toBe(
      '[db] unavailable: 55P03 canceling statement due to lock timeout; statement: select * from "users" where "email" = $1',
    );
    expect(line).not.toContain("someone@example.org");
  });
});
