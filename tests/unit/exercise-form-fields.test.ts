import { readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";
import { exerciseFormFields } from "@/lib/phishing/exercise-form-fields";
import { WORKING_DAYS } from "@/lib/phishing/exercise-window";
import { z } from "zod";

const form = (fields: Record<string, string>) => ({
  scenarioId: "dpi-mise-a-jour",
  windowStartsOn: "2031-03-03",
  workingDays: "5",
  ...fields,
});

// The manager's and the platform admin's forms, each with its own sentences.
describe.each(["phishingExercises", "phishingCampaigns"] as const)("the exercise fields of %s", (namespace) => {
  const t = createTranslator({ locale: "fr", messages: messages.fr, namespace });
  const schema = z.object(exerciseFormFields((key, values) => t(`errors.${key}`, values)));
  const refusal = (fields: Record<string, string>) => schema.safeParse(form(fields)).error?.issues[0]?.message;

  it("take 1 to 20 working days, and say so when the number is outside", () => {
    expect(WORKING_DAYS).toEqual({ min: 1, max: 20 });
    expect(schema.parse(form({ workingDays: "1" })).workingDays).toBe(1);
    expect(schema.parse(form({ workingDays: "20" })).workingDays).toBe(20);
    for (const workingDays of ["0", "21", "40", "2.5", "cinq", ""])
      expect(refusal({ workingDays }), workingDays).toBe("Indiquez un nombre de jours ouvrés entre 1 et 20.");
  });

  it("refuse a missing scenario or first day with their own sentences", () => {
    expect(refusal({ scenarioId: "" })).toBe(t("errors.scenario"));
    expect(refusal({ scenarioId: "x".repeat(101) })).toBe(t("errors.scenario"));
    expect(refusal({ windowStartsOn: "03/03/2031" })).toBe(t("errors.windowStartsOn"));
  });
});

describe("the exercise window's bounds", () => {
  it("are the table's CHECK constraint", () => {
    const migration = readFileSync(path.join(__dirname, "../../db/migrations/0019_phishing-exercises.sql"), "utf8");

    expect(migration).toContain(`"working_days" between ${WORKING_DAYS.min} and ${WORKING_DAYS.max}`);
  });
});
