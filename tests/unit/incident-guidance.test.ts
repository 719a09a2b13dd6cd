import { describe, expect, it } from "vitest";
import { loadCatalogue } from "@/lib/courses/load-catalogue";
import { frenchPhoneHref, isFrenchPhone } from "@/lib/incident/french-phone";
import { incidentGuidance } from "@/lib/incident/incident-guidance";

const fr = incidentGuidance.fr;
const text = (value: unknown) => JSON.stringify(value);

describe("incident guidance", () => {
  it("gives staff five things to do first, the biomedical-device caveat with isolation", () => {
    expect(fr.todos.map((todo) => todo.title)).toEqual([
      "Isolez le poste",
      "Appelez",
      "Notez ce que vous avez vu",
      "Continuez les soins",
      "Ne parlez pas de l'attaque",
    ]);
    expect(fr.todos[0]!.detail).toContain("appareil biomédical en service sur un patient");
    expect(fr.todos[0]!.detail).toContain("sans éteindre");
    expect(incidentGuidance.en.todos).toHaveLength(fr.todos.length);
  });

  it("leaves the formal steps to the direction or the RSSI: declaration, CNIL, complaint", () => {
    const [mobilise, report, cnil, complain] = fr.steps.map(text);

    expect(fr.steps).toHaveLength(4);
    expect(mobilise).toContain("PCA");
    expect(mobilise).toContain("PRA");
    expect(report).toContain("significatifs ou graves");
    expect(report).toContain("L.1111-8-2");
    expect(report).toContain("décret n° 2022-715 du 27 avril 2022");
    expect(report).toContain("médico-social");
    expect(report).toContain("la direction ou son délégué (le RSSI)");
    expect(fr.steps[1]!.link).toEqual({
      href: "https://signalement.social-sante.gouv.fr/",
      label: "Portail de signalement des événements sanitaires indésirables",
    });
    expect(cnil).toContain("72 heures");
    expect(cnil).toContain("article 33");
    expect(cnil).toContain("article 34");
    expect(complain).toContain("représentant légal");
    expect(complain).toContain("au plus tard 72 heures après la découverte");
    expect(complain).toContain("assurance cyber");
    expect(complain).toContain("L.12-10-1 du code des assurances");
    expect(fr.steps[3]!.link?.href).toBe("https://www.masecurite.interieur.gouv.fr");
  });

  it("gives every link a descriptive label, never a bare URL", () => {
    const links = [
      ...fr.steps.flatMap((step) => (step.link ? [step.link] : [])),
      ...fr.contacts.flatMap((contact) => contact.links ?? []),
    ];

    for (const link of links) expect(link.label).not.toMatch(/^https?:/);
  });

  it("gives CERT Santé's 24/7 phone as a tel: link and its e-mail, then the region, then 17Cyber", () => {
    const cert = fr.contacts.find((contact) => contact.name === "CERT Santé");

    expect(cert?.phone).toEqual({ href: "tel:+33972439125", label: "09 72 43 91 25" });
    expect(cert?.availability).toBe("24 h/24, 7 j/7");
    expect(cert?.email).toBe("cyberveille@esante.gouv.fr");
    expect(text(fr.contacts)).toContain("Centre régional de ressources en cybersécurité");
    const cyber17 = fr.contacts.find((contact) => contact.name === "17Cyber");
    expect(cyber17?.links?.map((link) => link.href)).toEqual([
      "https://17cyber.gouv.fr",
      "https://www.cybermalveillance.gouv.fr",
    ]);
    expect(cyber17?.intro).toContain("organisations");
  });

  it("says what not to do: switch off, pay, delete, fix it alone; and whom to tell after a click or a loss", () => {
    expect(fr.donts.map((dont) => dont.title)).toEqual([
      "N'éteignez pas l'ordinateur",
      "Ne payez pas de rançon",
      "Ne supprimez rien",
      "N'essayez pas de réparer seul",
    ]);
    expect(fr.donts[0]!.detail).toContain("Débranchez-le du réseau");
    expect(text(fr.otherCases)).toContain("mot de passe");
    expect(text(fr.otherCases)).toContain("perdu");
  });

  it("keeps the same facts in English", () => {
    const en = text(incidentGuidance.en);

    for (const fact of [
      "2022-715",
      "L.1111-8-2",
      "L.12-10-1",
      "72 hours",
      "article 33",
      "09 72 43 91 25",
      "tel:+33972439125",
      "cyberveille@esante.gouv.fr",
      "https://signalement.social-sante.gouv.fr/",
      "https://www.masecurite.interieur.gouv.fr",
      "https://17cyber.gouv.fr",
    ]) {
      expect(en).toContain(fact);
    }
    expect(incidentGuidance.en.donts).toHaveLength(fr.donts.length);
    expect(incidentGuidance.en.steps).toHaveLength(fr.steps.length);
    expect(incidentGuidance.en.contacts).toHaveLength(fr.contacts.length);
    expect(incidentGuidance.en.otherCases).toHaveLength(fr.otherCases.length);
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

  it.each([
    "",
    "04 65 71 20",
    "04 65 71 20 26 27",
    "+44 20 7946 0000",
    "00 65 71 20 26",
    "04 65 71 20 2a",
    "javascript:alert(1)",
  ])("refuses %j", (written) => {
    expect(isFrenchPhone(written)).toBe(false);
    expect(frenchPhoneHref(written)).toBeNull();
  });
});
