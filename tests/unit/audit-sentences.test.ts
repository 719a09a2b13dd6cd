import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type DescribedEntry, describeAuditEntry } from "@/lib/audit/describe-audit-entry";
import { journalActions, messageKeyOf } from "@/lib/audit/journal-actions";
import { messages } from "@/lib/i18n/messages";

const translators = {
  fr: createTranslator({ locale: "fr", messages: messages.fr, namespace: "audit" }),
  en: createTranslator({ locale: "en", messages: messages.en, namespace: "audit" }),
};

function sentence(locale: "fr" | "en", entry: Partial<DescribedEntry> & { action: string }): string {
  const t = translators[locale];
  const labels = {
    anonymous: t("labels.anonymous"),
    system: t("labels.system"),
    someone: t("labels.someone"),
    establishment: t("labels.establishment"),
  };
  const described = describeAuditEntry(
    {
      actorName: null,
      targetType: null,
      targetName: null,
      organisationName: null,
      ipAddress: null,
      details: {},
      ...entry,
    },
    labels,
  );

  return t(`sentences.${described.key}` as never, described.values as never);
}

/** Every action string the code writes to the audit log (recordAudit or a direct insert). */
function actionsWrittenByCode(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) =>
      statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name)) : [path.join(dir, name)],
    );
  const sources = [...files("lib"), ...files("app")]
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => readFileSync(file, "utf8"));

  return [
    ...new Set(
      sources
        .filter((source) => /recordAudit\(|insert\(auditLog\)/.test(source))
        .flatMap((source) =>
          [...source.matchAll(/action: (?:[^"\n]*\? )?"([a-z_.]+)"(?: : "([a-z_.]+)")?/g)].flatMap(([, a, b]) =>
            b ? [a!, b] : [a!],
          ),
        ),
    ),
  ];
}

describe("the audit journal's sentences", () => {
  it("knows every action the code writes", () => {
    const written = actionsWrittenByCode();

    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((action) => !(journalActions as readonly string[]).includes(action))).toEqual([]);
  });

  it("has a sentence and a filter label for every action, in French and in English", () => {
    for (const locale of ["fr", "en"] as const) {
      const sentences = messages[locale].audit.sentences as Record<string, string>;
      const labels = messages[locale].audit.actions as Record<string, string>;
      expect(
        journalActions.filter((action) => !sentences[messageKeyOf(action)] || !labels[messageKeyOf(action)]),
      ).toEqual([]);
    }
  });

  it("writes every action as a sentence, without codes, braces or JSON", () => {
    for (const locale of ["fr", "en"] as const) {
      for (const action of journalActions) {
        const text = sentence(locale, {
          action,
          actorName: "Karim Benali",
          targetType: "user",
          targetName: "Inès Garnier",
          organisationName: "EHPAD Les Oliviers",
          details: { method: "password", reason: "invalid", from: "learner", to: "manager" },
        });
        expect(text, `${locale} ${action}`).not.toMatch(/[{}_]|\.(?=[a-z])|undefined|null|\(\)|«\s*»|""|none/);
        expect(text, `${locale} ${action}`).toMatch(/[.)]$/);
      }
    }
  });

  it("says who exported their data, and who changed a role from what to what", () => {
    expect(
      sentence("fr", {
        action: "personal_data_exported",
        actorName: "Karim Benali",
        targetType: "user",
        targetName: "Karim Benali",
      }),
    ).toBe("Karim Benali a exporté ses données.");
    expect(sentence("en", { action: "personal_data_exported", actorName: "Karim Benali" })).toBe(
      "Karim Benali exported their data.",
    );
    expect(
      sentence("fr", {
        action: "member.role_changed",
        actorName: "Karim Benali",
        targetType: "user",
        targetName: "Inès Garnier",
        organisationName: "EHPAD Les Oliviers",
        details: { from: "learner", to: "manager" },
      }),
    ).toBe(
      "Karim Benali a changé le rôle de Inès Garnier dans EHPAD Les Oliviers\u202f: apprenant devient gestionnaire.",
    );
  });

  it("says whose name was corrected, by whom, from what to what", () => {
    expect(
      sentence("fr", {
        action: "account.renamed",
        actorName: "Claire Martin",
        targetType: "user",
        targetName: "Karim Benali",
        details: { from: "Karim Benalli", to: "Karim Benali", by: "manager" },
      }),
    ).toBe(
      "Claire Martin a corrigé le nom de Karim Benali\u202f: «\u202fKarim Benalli\u202f» devient «\u202fKarim Benali\u202f».",
    );
    expect(
      sentence("fr", {
        action: "certificate.reissued",
        actorName: "Karim Benali",
        targetType: "certificate",
        details: { from: "Karim Benalli", to: "Karim Benali" },
      }),
    ).toBe(
      "Karim Benali a fait rééditer son certificat sous le nom corrigé\u202f: «\u202fKarim Benalli\u202f» devient «\u202fKarim Benali\u202f».",
    );
    expect(
      sentence("en", {
        action: "account.renamed",
        actorName: "Karim Benali",
        targetType: "user",
        targetName: "Karim Benali",
        details: { from: "Karim Benalli", to: "Karim Benali", by: "self" },
      }),
    ).toBe('Karim Benali corrected their name: "Karim Benalli" becomes "Karim Benali".');
  });

  it("names someone not signed in, Vigie itself and counts in words", () => {
    expect(
      sentence("fr", {
        action: "sign_in.failed",
        ipAddress: "192.0.2.1",
        targetType: "user",
        targetName: "ines@vigie.test",
        details: { method: "password", reason: "throttled" },
      }),
    ).toBe("Connexion refusée au compte de ines@vigie.test (mot de passe)\u202f: trop de tentatives.");
    expect(
      sentence("fr", {
        action: "join_code.refused",
        ipAddress: "192.0.2.1",
        details: { reason: "unknown_or_disabled" },
      }),
    ).toBe("Une personne non connectée a saisi un code d'accès refusé\u202f: code inconnu ou désactivé.");
    expect(
      sentence("fr", {
        action: "reminders.sent",
        targetType: "organisation",
        targetName: "EHPAD Les Oliviers",
        details: { kind: "automatic", beforeDue: 1, afterDue: 0 },
      }),
    ).toBe("Vigie a envoyé 1 relance aux apprenants de EHPAD Les Oliviers (relances automatiques).");
    expect(
      sentence("fr", {
        action: "sessions.ended",
        actorName: "Karim Benali",
        targetType: "user",
        targetName: "Karim Benali",
        details: { scope: "all_devices", ended: 2 },
      }),
    ).toBe("Karim Benali a fermé ses sessions sur tous ses appareils (2 sessions).");
  });

  it("falls back to a readable sentence for an action it does not know, and for a reason it does not know", () => {
    expect(
      sentence("fr", {
        action: "name.corrected",
        actorName: "Karim Benali",
        targetType: "user",
        targetName: "Inès Garnier",
      }),
    ).toBe("Karim Benali\u202f: événement «\u202fname.corrected\u202f» concernant Inès Garnier.");
    expect(sentence("en", { action: "name.corrected", ipAddress: "192.0.2.1" })).toBe(
      'Someone not signed in: event "name.corrected".',
    );
    expect(
      sentence("fr", { action: "sso.link_refused", actorName: "Karim Benali", details: { reason: "nouveau_motif" } }),
    ).toBe("Karim Benali n'a pas pu lier son compte à une identité SSO\u202f: motif «\u202fnouveau_motif\u202f».");
  });
});
