import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, passwordField } from "@/lib/auth/password-policy";
import { frenchTypography } from "@/lib/i18n/french-typography";
import { messages } from "@/lib/i18n/messages";

// The password rule's sentences live in one namespace (`password`) that the join form and the
// new-password form both use; they read as they did when each form had its own copy.
const BEFORE = {
  fr: {
    tooShort: "Choisissez un mot de passe d'au moins 12 caractères.",
    tooLong: "Choisissez un mot de passe de 256 caractères au plus.",
    tooCommon: "Ce mot de passe fait partie des plus courants : choisissez-en un autre.",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
  },
  en: {
    tooShort: "Choose a password of at least 12 characters.",
    tooLong: "Choose a password of at most 256 characters.",
    tooCommon: "This password is one of the most common ones: choose another.",
    mismatch: "The two passwords are not the same.",
  },
};

describe.each(["fr", "en"] as const)("the password rule's sentences in %s", (locale) => {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "password" });
  const shown = (text: string) => (locale === "fr" ? frenchTypography(text) : text);
  const refusal = (password: string) => passwordField(t).safeParse(password).error?.issues[0]?.message;

  it("say what each refused password breaks, as the forms said it before", () => {
    expect(refusal("court")).toBe(shown(BEFORE[locale].tooShort));
    expect(refusal("x".repeat(257))).toBe(shown(BEFORE[locale].tooLong));
    expect(refusal("qwerty123456")).toBe(shown(BEFORE[locale].tooCommon));
    expect(t("mismatch")).toBe(shown(BEFORE[locale].mismatch));
    expect(refusal("une phrase de passe assez longue")).toBeUndefined();
  });

  it("are nowhere else in the messages", () => {
    const texts = JSON.stringify({ ...messages[locale], password: undefined });
    for (const text of Object.values(BEFORE[locale])) expect(texts).not.toContain(shown(text));
  });
});

describe.each(["fr", "en"] as const)("the password hints in %s", (locale) => {
  const hints = [
    createTranslator({ locale, messages: messages[locale], namespace: "signIn" })("reset.newIntro", {
      min: PASSWORD_MIN_LENGTH,
    }),
    createTranslator({ locale, messages: messages[locale], namespace: "join" })("passwordHint", {
      min: PASSWORD_MIN_LENGTH,
    }),
  ];

  it("say the policy's length, taken from lib/auth/password-policy.ts", () => {
    const atLeast =
      locale === "fr" ? `Au moins ${PASSWORD_MIN_LENGTH} caractères` : `At least ${PASSWORD_MIN_LENGTH} characters`;
    for (const hint of hints) expect(hint.startsWith(atLeast), hint).toBe(true);
  });

  it("write no length of their own", () => {
    const texts = JSON.stringify([messages[locale].signIn, messages[locale].join]);
    expect(texts).not.toMatch(new RegExp(`\\b${PASSWORD_MIN_LENGTH}\\s(caractères|characters)`));
  });
});
