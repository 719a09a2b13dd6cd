import { z } from "zod";
import { AppError } from "@/lib/errors";
import { type FormState, parseForm } from "@/lib/forms";
import { type PersonNameProblem, personNameField } from "./person-name";
import { NAME_FROM_PROVIDER, type RenamePersonResult } from "./rename-person";

/** The form's sentences, from the catalogue's `account.rename` (the actions translate them). */
export type RenameTexts = {
  invalid: string;
  refused: string;
  fromProvider: string;
  saved: (name: string) => string;
  unchanged: (name: string) => string;
  problems: Record<PersonNameProblem, string>;
};

/**
 * The adapter both rename forms share: parses the name with the one rule, runs the rename, and
 * turns its outcome or refusal into form state. Anything but an AppError reaches error.tsx.
 */
export async function renameFormState(
  formData: FormData,
  texts: RenameTexts,
  rename: (name: string) => Promise<RenamePersonResult>,
): Promise<FormState> {
  const parsed = parseForm(z.object({ name: personNameField(texts.problems) }), formData, texts.invalid);
  if (!parsed.success) return parsed.state;
  try {
    const { name, changed } = await rename(parsed.data.name);

    return { ok: true, message: changed ? texts.saved(name) : texts.unchanged(name), typed: { name } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;

    return {
      message: error.detail === NAME_FROM_PROVIDER ? texts.fromProvider : texts.refused,
      typed: { name: parsed.data.name },
    };
  }
}

/** The texts from a translator of the `account.rename` namespace. */
export function renameTexts(t: (key: string, values?: Record<string, string>) => string): RenameTexts {
  return {
    invalid: t("invalid"),
    refused: t("refused"),
    fromProvider: t("fromProvider"),
    saved: (name) => t("saved", { name }),
    unchanged: (name) => t("unchanged", { name }),
    problems: {
      too_short: t("errors.nameShort"),
      too_long: t("errors.nameLong"),
      no_letter: t("errors.nameNoLetter"),
      invisible: t("errors.nameInvisible"),
    },
  };
}
