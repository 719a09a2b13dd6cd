import { describe, expect, it } from "vitest";
import { HOME_PATH, homePath, homePathOf } from "@/lib/access/home";
import type { Actor, ActorMembership } from "@/lib/auth/load-actor";

const membership = (kind: "centre" | "establishment", role: ActorMembership["role"]): ActorMembership => ({
  organisationId: `${kind}-${role}`,
  organisationName: kind,
  kind,
  role,
  teamId: null,
});
const actor = (...memberships: ActorMembership[]): Actor => ({
  userId: "u",
  name: "Agent",
  email: "agent@vigie.test",
  locale: "fr",
  memberships,
});

describe("homePath", () => {
  it("sends a learner to Mes modules, a manager to the establishment's dashboard, a centre's admin to the centre's", () => {
    expect(homePath(actor(membership("establishment", "learner")))).toBe("/modules");
    expect(homePath(actor(membership("establishment", "manager")))).toBe("/etablissement/tableau-de-bord");
    expect(homePath(actor(membership("centre", "admin")))).toBe("/centre/tableau-de-bord");
  });

  it("gives the widest role its home, and anyone else Mes modules", () => {
    expect(homePath(actor(membership("establishment", "learner"), membership("establishment", "manager")))).toBe(
      "/etablissement/tableau-de-bord",
    );
    expect(homePath(actor(membership("establishment", "manager"), membership("centre", "admin")))).toBe(
      "/centre/tableau-de-bord",
    );
    expect(homePath(actor())).toBe("/modules");
  });

  it("leaves the decision to /accueil while nobody is known", () => {
    expect(homePathOf(null)).toBe(HOME_PATH);
    expect(homePathOf(actor(membership("establishment", "manager")))).toBe("/etablissement/tableau-de-bord");
  });
});
