import type { Db } from "@/db/client";
import { isPlatformAdmin, mayManageAnything } from "@/lib/access/roles";
import { countMyInvitations } from "@/lib/invitations/list-invitations";
import type { Actor } from "./load-actor";

/**
 * What the site's header shows of the signed-in person: the pages rendered per request draw it
 * on the server (SiteHeader), the prerendered module shell from the state route's answer.
 */
export type Viewer = {
  name: string;
  mayManage: boolean;
  isPlatformAdmin: boolean;
  invitationCount: number;
  /** Every establishment the person is staff of, for the header's switcher when there are several. */
  establishments: { id: string; name: string }[];
  /** The one they work in now; null when they have several and have not chosen. */
  currentEstablishmentId: string | null;
};

/** The header's view of `actor`, working in `currentEstablishmentId`. */
export async function getViewer(
  db: Db,
  options: { actor: Actor; currentEstablishmentId: string | null },
): Promise<Viewer> {
  const { actor, currentEstablishmentId } = options;
  // Read with the session (loadSessionActor); counted apart only for an actor that did not come from one.
  const invitationCount = actor.invitationCount ?? (await countMyInvitations(db, { userId: actor.userId }));

  return {
    name: actor.name,
    mayManage: mayManageAnything(actor),
    isPlatformAdmin: isPlatformAdmin(actor),
    invitationCount,
    establishments: actor.memberships
      .filter((m) => m.kind === "establishment")
      .map((m) => ({ id: m.organisationId, name: m.organisationName })),
    currentEstablishmentId,
  };
}
