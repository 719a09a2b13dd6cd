import { describe, expect, it } from "vitest";
import {
  chosenOrganisationId,
  currentEstablishment,
  currentEstablishmentCookie,
  currentEstablishmentValue,
} from "@/lib/auth/current-establishment";
import type { Actor, ActorMembership } from "@/lib/auth/load-actor";

const USER = "11111111-1111-4111-8111-111111111111";
const membership = (organisationId: string, organisationName: string, kind = "establishment"): ActorMembership => ({
  organisationId,
  organisationName,
  kind,
  role: "learner",
  teamId: null,
});
const actor = (...memberships: ActorMembership[]): Actor => ({
  userId: USER,
  name: "Zoë",
  email: null,
  locale: "fr",
  memberships,
});
const [a, b, centre] = [
  membership("aaaaaaaa-0000-4000-8000-000000000000", "Alpha"),
  membership("bbbbbbbb-0000-4000-8000-000000000000", "Bêta"),
  membership("cccccccc-0000-4000-8000-000000000000", "Centre", "centre"),
];

describe("currentEstablishment", () => {
  it("is the only establishment of someone in one, whatever the cookie says", () => {
    expect(currentEstablishment(actor(b, centre), null)).toEqual({ status: "chosen", membership: b });
    expect(currentEstablishment(actor(b), currentEstablishmentValue(USER, a.organisationId))).toEqual({
      status: "chosen",
      membership: b,
    });
  });

  it("asks someone in several to choose, never picking the first by name", () => {
    expect(currentEstablishment(actor(a, b), null)).toEqual({ status: "choose", choices: [a, b] });
    expect(currentEstablishment(actor(a, b), currentEstablishmentValue(USER, b.organisationId))).toEqual({
      status: "chosen",
      membership: b,
    });
  });

  it("ignores a choice made by another user in the same browser, or of an establishment the person is not in", () => {
    const otherUser = "22222222-2222-4222-8222-222222222222";
    expect(currentEstablishment(actor(a, b), currentEstablishmentValue(otherUser, b.organisationId)).status).toBe(
      "choose",
    );
    expect(currentEstablishment(actor(a, b), currentEstablishmentValue(USER, centre.organisationId)).status).toBe(
      "choose",
    );
    expect(currentEstablishment(actor(centre), null)).toEqual({ status: "none" });
  });

  it("reads the cookie from a request's Cookie header, and nothing from a malformed value", () => {
    const headers = new Headers({ cookie: `NEXT_LOCALE=fr; vigie-etablissement=${USER}.${a.organisationId}; other=1` });
    expect(chosenOrganisationId(currentEstablishmentCookie(headers), USER)).toBe(a.organisationId);
    expect(chosenOrganisationId(`${USER}.${a.organisationId}.x`, USER)).toBeNull();
    expect(chosenOrganisationId(undefined, USER)).toBeNull();
  });
});
