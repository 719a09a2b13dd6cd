import { describe, expect, it } from "vitest";
import { proSanteConnectStructureIds } from "@/lib/sso/pro-sante-connect";

describe("proSanteConnectStructureIds", () => {
  it("reads FINESS site, FINESS legal entity and SIRET of every activity, never the name or the technical id", () => {
    const profile = {
      SubjectRefPro: {
        exercices: [
          {
            activities: [
              {
                numeroFinessSite: "130000001",
                numeroFinessetablissementJuridique: "130000002",
                numeroSiretSite: "",
                raisonSocialeSite: "CH des Calanques",
                identifiantTechniqueDeLaStructure: "R10000001",
              },
            ],
          },
          {
            activities: [
              { numeroFinessSite: "2a0000001 ", numeroSiretSite: "12345678900011" },
              { numeroFinessSite: "130000001" },
            ],
          },
        ],
      },
    };

    expect(proSanteConnectStructureIds(profile)).toEqual(["130000001", "130000002", "2A0000001", "12345678900011"]);
  });

  it("accepts SubjectRefPro sent as a JSON string and gives nothing for anything malformed", () => {
    expect(
      proSanteConnectStructureIds({
        SubjectRefPro: JSON.stringify({ exercices: [{ activities: [{ numeroFinessSite: "130000001" }] }] }),
      }),
    ).toEqual(["130000001"]);
    for (const SubjectRefPro of [
      undefined,
      null,
      "pas du json",
      42,
      [],
      { exercices: "x" },
      { exercices: [{ activities: [null, 3, { numeroFinessSite: 130000001 }] }] },
    ]) {
      expect(proSanteConnectStructureIds({ SubjectRefPro })).toEqual([]);
    }
  });
});
