import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { renameFormState, renameTexts } from "@/lib/people/rename-form-state";
import { NAME_FROM_PROVIDER } from "@/lib/people/rename-person";

const t = (key: string, values?: Record<string, string>) => (values ? `${key}:${JSON.stringify(values)}` : key);
const texts = renameTexts(t);
const form = (name: string) => {
  const data = new FormData();
  data.set("name", name);

  return data;
};

describe("renameFormState", () => {
  it("passes the checked, normalised name to the rename and says it is saved", async () => {
    const rename = vi.fn(async (name: string) => ({ name, changed: true }));

    const state = await renameFormState(form("  Zoe\u0308   Œuvray "), texts, rename);

    expect(rename).toHaveBeenCalledWith("Zoë Œuvray");
    expect(state).toEqual({ ok: true, message: 'saved:{"name":"Zoë Œuvray"}', typed: { name: "Zoë Œuvray" } });
  });

  it.each([
    ["\u200B\u200D\uFEFF", "errors.nameInvisible"],
    ["x", "errors.nameShort"],
    ["1234", "errors.nameNoLetter"],
    ["a".repeat(121), "errors.nameLong"],
  ])("refuses %j with the field's message and never renames", async (name, message) => {
    const rename = vi.fn();

    const state = await renameFormState(form(name), texts, rename);

    expect(rename).not.toHaveBeenCalled();
    expect(state).toMatchObject({ message: "invalid", fieldErrors: { name: [message] }, typed: { name } });
  });

  it("says the provider's name is not corrected here, and turns any other refusal into one sentence", async () => {
    expect(
      await renameFormState(form("Marie Curie"), texts, async () =>
        Promise.reject(new AppError("conflict", NAME_FROM_PROVIDER)),
      ),
    ).toMatchObject({ message: "fromProvider" });
    expect(
      await renameFormState(form("Marie Curie"), texts, async () =>
        Promise.reject(new AppError("not_found", "not a member in scope")),
      ),
    ).toMatchObject({ message: "refused" });
    await expect(
      renameFormState(form("Marie Curie"), texts, async () => Promise.reject(new Error("database down"))),
    ).rejects.toThrow("database down");
  });
});
