import { describe, expect, it } from "vitest";
import { requireCoursePackageAccess } from "@/lib/access/roles";
import type { Actor, ActorMembership } from "@/lib/auth/load-actor";
import { AppError } from "@/lib/errors";

function actor(...memberships: Pick<ActorMembership, "kind" | "role">[]): Actor {
  return {
    userId: "u",
    name: "Camille",
    email: null,
    locale: "fr",
    memberships: memberships.map((m, i) => ({ ...m, organisationId: `o${i}`, organisationName: "O", teamId: null })),
  };
}

describe("requireCoursePackageAccess", () => {
  it("lets an establishment's manager and a platform admin download course packages", () => {
    expect(() => requireCoursePackageAccess(actor({ kind: "establishment", role: "manager" }))).not.toThrow();
    expect(() => requireCoursePackageAccess(actor({ kind: "centre", role: "admin" }))).not.toThrow();
  });

  it("answers not found to a learner, and to someone with no membership", () => {
    for (const who of [actor({ kind: "establishment", role: "learner" }), actor()]) {
      expect(() => requireCoursePackageAccess(who)).toThrow(AppError);
      try {
        requireCoursePackageAccess(who);
      } catch (error) {
        expect((error as AppError).code).toBe("not_found");
      }
    }
  });
});
