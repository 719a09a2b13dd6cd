import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { errorAnswer } from "@/lib/http/json-error";

const requester = (cookie?: string) => ({ headers: new Headers(cookie ? { cookie } : {}) });

describe("errorAnswer", () => {
  it("words the message in French when the requester chose no language, or one Vigie does not speak", () => {
    for (const cookie of [undefined, "NEXT_LOCALE=de", "NEXT_LOCALE=%E0"]) {
      expect(errorAnswer(new AppError("not_found"), requester(cookie))).toMatchObject({
        status: 404,
        body: { code: "not_found", message: "Page ou ressource introuvable." },
      });
    }
  });

  it("words the message in English for a requester whose locale cookie says English, same code and status", () => {
    const answer = errorAnswer(new AppError("rate_limited"), requester("vigie-etablissement=x; NEXT_LOCALE=en"));

    expect(answer).toMatchObject({
      status: 429,
      body: { code: "rate_limited", message: "Too many attempts: try again in a few minutes." },
    });
  });

  it("keeps the caller's extra fields and answers anything unknown as internal, in the requester's language", () => {
    const answer = errorAnswer(new AppError("bad_request"), requester("NEXT_LOCALE=en"), { issues: ["a"] });
    expect(answer.body).toEqual({ code: "bad_request", message: "The request is invalid.", issues: ["a"] });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorAnswer(new Error("boom"), requester("NEXT_LOCALE=en"))).toMatchObject({
      status: 500,
      body: { code: "internal", message: "Something unexpected went wrong. Try again in a moment." },
    });
    logged.mockRestore();
  });
});
