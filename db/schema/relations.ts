import { relations } from "drizzle-orm";
import { users } from "./auth";
import { certificates } from "./certificates";
import { moduleProgress } from "./learning";
import { memberships, organisations, teams } from "./organisations";

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
  progress: many(moduleProgress),
  certificates: many(certificates),
}));

export const organisationsRelations = relations(organisations, ({ one, many }) => ({
  parent: one(organisations, {
    fields: [organisations.parentId],
    references: [organisations.id],
    relationName: "parent",
  }),
  children: many(organisations, { relationName: "parent" }),
  teams: many(teams),
  memberships: many(memberships),
}));

export const teamsRelations = relations(teams, ({ one, many }) => ({
  organisation: one(organisations, {
    fields: [teams.organisationId],
    references: [organisations.id],
  }),
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organisation: one(organisations, {
    fields: [memberships.organisationId],
    references: [organisations.id],
  }),
  team: one(teams, { fields: [memberships.teamId], references: [teams.id] }),
}));
