import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { frenchPhoneHref, isFrenchPhone } from "@/lib/incident/french-phone";
import { incidentGuidance } from "@/lib/incident/incident-guidance";

const fr = incidentGuidance.fr;
const text = (value: unknown) => JSON.stringify(value);

describe("incident guidance", () => {
  it("gives three steps in each language", () => {
    expect(fr.steps).toHaveLength(3);
    expect(incidentGuidance.en.steps).toHaveLength(3);
  });

  it("tells the RSSI first, then the mandatory report under decree 2022-715, then a complaint within 72 heures", () => {
    const [inform, report, complain] = fr.steps.map(text);

    expect(inform).toContain("RSSI");
    expect(inform).toContain("PCA");
    expect(inform).toContain("PRA");
    expect(report).toContain("2022-715");
    expect(report).toContain("obligatoire");
    expect(fr.steps[1]!.link?.href).toBe("https://signalement.social-sante.gouv.fr/");
    expect(report).toContain("signalement.social-sante.gouv.fr");
    expect(complain).toContain("72 heures");
    expect(fr.steps[2]!.link?.href).toBe("https://www.masecurite.interieur.gouv.fr");
  });

  it("gives CERT Santé's 24/7 phone as a tel: link and its e-mail", () => {
    const cert = fr.contacts.find((contact) => contact.name === "CERT Santé");

    expect(cert?.phone).toEqual({ href: "tel:+33972439125", label: "09 72 43 91 25" });
    expect(cert?.availability).toBe("7j/7 - 24h/24");
    expect(cert?.email).toBe("cyberveille@esante.gouv.fr");
    expect(text(cert?.missions)).toContain("orchestre, qualifie et confine");
    expect(text(fr.contacts)).toContain("Centre régional de ressources en cybersécurité");
  });

  it("says what not to do: switch off, pay, delete, fix it alone", () => {
    expect(fr.donts.map((dont) => dont.title)).toEqual([
      "N'éteignez pas l'ordinateur",
      "Ne payez pas de rançon",
      "Ne supprimez rien",
      "N'essayez pas de réparer seul",
    ]);
    expect(fr.donts[0]!.detail).toContain("Débranchez-le du réseau");
  });

  it("keeps the same facts in English", () => {
    const en = text(incidentGuidance.en);

    for (const fact of ["2022-715", "72 hours", "09 72 43 91 25", "tel:+33972439125", "cyberveille@esante.gouv.fr", "https://signalement.social-sante.gouv.fr/", "https://www.masecurite.interieur.gouv.fr"]) {
      expect(en).toContain(fact);
    }
    expect(incidentGuidance.en.donts).toHaveLength(fr.donts.length);
    expect(incidentGuidance.en.contacts).toHaveLength(fr.contacts.length);
  });

  it("links to the cyber-incident module of the course files", () => {
    expect(loadCatalogue().moduleById.get(fr.moduleId)?.title).toBe("Cyber-incident : les bons réflexes");
  });
});

describe("French phone numbers", () => {
  it.each([
    ["04 65 71 20 26", "tel:+33465712026"],
    ["04.65.71.20.26", "tel:+33465712026"],
    ["0465712026", "tel:+33465712026"],
    ["+33 4 65 71 20 26", "tel:+33465712026"],
    ["0033 4 65 71 20 26", "tel:+33465712026"],
    ["06-12-34-56-78", "tel:+33612345678"],
  ])("accepts %s and dials %s", (written, href) => {
    expect(isFrenchPhone(written)).toBe(true);
    expect(frenchPhoneHref(written)).toBe(href);
  });

  it.each(["", "04 65 71 20", "04 65 71 20 26 27", "+44 20 7946 0000", "00 65 71 20 26", "04 65 71 20 2a", "javascript:alert(1)"])("refuses %j", (written) => {
    expect(isFrenchPhone(written)).toBe(false);
    expect(frenchPhoneHref(written)).toBeNull();
  });
});
