import { randomUUID } from "node:crypto";
import { like, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  assignments,
  certificates,
  learningEvents,
  memberships,
  moduleProgress,
  organisations,
  teams,
  users,
} from "../schema";
import { seedDemo } from "./demo";
import { generateCertificateCode } from "@/lib/certificates/generate-code";
import { countClosedQuizDays } from "@/lib/read-model/quiz-answer-days";
import type { Catalogue, CourseModule } from "@/lib/courses/types";

/** Rows per INSERT statement: well under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 3_000;
const DAY = 86_400_000;
export const SCALE_SLUG_PREFIX = "scale-";

const FIRST = [
  "Camille",
  "Léa",
  "Chloé",
  "Inès",
  "Manon",
  "Sarah",
  "Jade",
  "Zoë",
  "Hélène",
  "Françoise",
  "Nathalie",
  "Sophie",
  "Karim",
  "Lucas",
  "Hugo",
  "Théo",
  "Mathéo",
  "Noé",
  "Yanis",
  "Jérôme",
  "Loïc",
  "Amandine",
  "Aïcha",
  "Ngọc",
  "Élodie",
  "Gaëlle",
  "Mehdi",
  "Julien",
  "Benoît",
  "Céline",
];
const LAST = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Simon",
  "Laurent",
  "Lefèvre",
  "Michel",
  "García",
  "Nguyễn",
  "Benali",
  "Œuvray",
  "Da Silva",
  "N'Diaye",
  "Faure",
  "Rousseau",
  "Blanc",
  "Guérin",
  "Muller",
  "Henry",
  "Roussel",
  "Nicolas",
  "Perrin",
  "Morel",
];
const TEAMS = [
  "Urgences",
  "Accueil et admissions",
  "Médecine interne",
  "Chirurgie",
  "Pédiatrie",
  "Maternité",
  "Gériatrie",
  "EHPAD — unité Les Oliviers",
  "Psychiatrie",
  "Radiologie",
  "Laboratoire",
  "Pharmacie",
  "Direction",
  "Ressources humaines",
  "Services techniques",
  "Informatique",
  "Bloc opératoire",
  "Réanimation",
  "Cardiologie",
  "SSR",
  "Consultations",
  "Cuisine",
  "Logistique",
  "Qualité",
];

/** A small deterministic generator (mulberry32), so that two runs make the same data set. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Establishment sizes adding up to `learners`: one of 8,000, then a long tail from 50 to 3,000. */
export function establishmentSizes(learners: number, rand = random(7)): number[] {
  const sizes = [Math.min(8_000, learners)];
  let left = learners - sizes[0]!;
  while (left > 0) {
    const size = Math.round(Math.exp(Math.log(50) + rand() * (Math.log(3_000) - Math.log(50))));
    const take = left - size < 50 ? left : size;
    sizes.push(take);
    left -= take;
  }

  return sizes;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export type ScaleSeedOptions = { learners: number; catalogue: Catalogue; now?: Date; log?: (line: string) => void };

/**
 * A realistic data set under the demo centre: establishments of 50 to 8,000 staff, their teams,
 * learners at every stage (never started, started, part of the path, all of it, late ones),
 * quiz answers (and their counts per closed day), certificates and assignments of the path
 * (some overdue, some renewed yearly).
 * Written with multi-row INSERTs of thousands of rows. Does nothing if a scale set exists.
 */
export async function seedScale(
  db: Db,
  options: ScaleSeedOptions,
): Promise<{ establishments: number; learners: number; skipped: boolean }> {
  const log = options.log ?? (() => {});
  const existing = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(organisations)
    .where(like(organisations.slug, `${SCALE_SLUG_PREFIX}%`));
  if ((existing[0]?.n ?? 0) > 0) return { establishments: existing[0]!.n, learners: 0, skipped: true };
  const { centreId } = await seedDemo(db);
  const now = options.now ?? new Date();
  const sizes = establishmentSizes(options.learners);
  const rand = random(42);
  for (const [index, size] of sizes.entries()) {
    await seedEstablishment(db, { index, size, centreId, now, rand, catalogue: options.catalogue });
    if (index % 10 === 0) log(`[seed:scale] ${index + 1}/${sizes.length} establishments`);
  }

  return { establishments: sizes.length, learners: options.learners, skipped: false };
}

type EstablishmentSeed = {
  index: number;
  size: number;
  centreId: string;
  now: Date;
  rand: () => number;
  catalogue: Catalogue;
};

/** One establishment: its teams, staff, assignments, then every learner's progress, answers and certificates. */
async function seedEstablishment(db: Db, seed: EstablishmentSeed): Promise<void> {
  const { index, size, now, rand, catalogue } = seed;
  const organisationId = randomUUID();
  const name = `${size >= 1_000 ? "Centre hospitalier" : size >= 300 ? "Clinique" : "EHPAD"} n° ${index + 1} (${size} agents)`;
  await db.insert(organisations).values({
    id: organisationId,
    parentId: seed.centreId,
    name,
    slug: `${SCALE_SLUG_PREFIX}${index + 1}`,
    kind: "establishment",
  });
  const teamIds = TEAMS.slice(0, Math.min(TEAMS.length, Math.max(2, Math.round(size / 200)))).map(() => randomUUID());
  await db.insert(teams).values(teamIds.map((id, i) => ({ id, organisationId, name: TEAMS[i]! })));
  const path = catalogue.paths[0]!;
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  await db.insert(assignments).values([
    {
      organisationId,
      subjectType: "path",
      subjectId: path.id,
      dueOn: index % 3 === 0 ? day(-30) : day(60 + (index % 90)),
      renewYearly: index % 4 === 0,
    },
    {
      organisationId,
      teamId: teamIds[0]!,
      subjectType: "module",
      subjectId: "cyber-incident",
      dueOn: day(index % 2 === 0 ? -10 : 30),
      renewYearly: false,
    },
  ]);

  const people = Array.from({ length: size }, (_, i) => ({
    id: randomUUID(),
    name: `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
    email: `agent-${index + 1}-${i + 1}@scale.vigie.test`,
    teamId: rand() < 0.9 ? teamIds[Math.floor(rand() * teamIds.length)]! : null,
  }));
  await insertChunks(people, (chunk) =>
    db.insert(users).values(chunk.map(({ id, name, email }) => ({ id, name, email }))),
  );

  const progress: (typeof moduleProgress.$inferInsert)[] = [];
  const events: (typeof learningEvents.$inferInsert)[] = [];
  const issued: (typeof certificates.$inferInsert)[] = [];
  const modules = path.moduleIds.map((id) => catalogue.moduleById.get(id)!);
  for (const person of people) {
    const stage = rand();
    // Not started 20 %, one module begun 15 %, part of the path 25 %, the path 35 %, the path and more 5 %.
    const completedCount =
      stage < 0.35 ? 0 : stage < 0.6 ? 1 + Math.floor(rand() * (modules.length - 1)) : modules.length;
    if (stage < 0.2) continue;
    let at = now.getTime() - (20 + rand() * 400) * DAY;
    const taken = stage >= 0.95 ? [...modules, catalogue.moduleById.get("cyber-incident")!] : modules;
    for (const [i, module] of taken.entries()) {
      const completed = i < completedCount || (stage >= 0.95 && i === modules.length);
      if (!completed && i > completedCount) break;
      at = Math.min(now.getTime() - DAY, at + (0.2 + rand() * 3) * DAY);
      progress.push(progressRow(person.id, organisationId, module, new Date(at), completed, rand));
      if (completed) events.push(quizEvent(person.id, organisationId, module, new Date(at), rand));
    }
    if (completedCount === modules.length) {
      issued.push({
        code: generateCertificateCode(),
        userId: person.id,
        organisationId,
        subjectType: "path",
        subjectId: path.id,
        subjectVersion: path.version,
        learnerName: person.name,
        subjectTitle: path.title,
        organisationName: name,
        durationMinutes: modules.reduce((sum, m) => sum + m.durationMinutes, 0),
        completedAt: new Date(at),
        issuedAt: new Date(at),
      });
    }
  }
  await insertChunks(progress, (chunk) => db.insert(moduleProgress).values(chunk));
  // The memberships after the progress: each is written once, complete (a trigger fills its
  // progress summary from the rows already there, migration 0007), packed as an establishment's
  // members are after ordinary use, when each progress write updates its membership in place.
  // Inserted first, every membership would be updated by a few bulk statements, whose new row
  // versions cannot all fit on their pages, scattering the establishment over the table.
  await insertChunks(people, (chunk) =>
    db
      .insert(memberships)
      .values(chunk.map((p) => ({ userId: p.id, organisationId, role: "learner" as const, teamId: p.teamId }))),
  );
  await insertChunks(events, (chunk) => db.insert(learningEvents).values(chunk));
  await insertChunks(issued, (chunk) => db.insert(certificates).values(chunk));
  // The quiz answers of closed days, counted as the dashboard would count them on its first visit.
  await countClosedQuizDays(db, organisationId);
}

function progressRow(
  userId: string,
  organisationId: string,
  module: CourseModule,
  at: Date,
  completed: boolean,
  rand: () => number,
): typeof moduleProgress.$inferInsert {
  const last = module.steps.length - 1;
  const stepIndex = completed ? last : Math.floor(rand() * last);
  const startedAt = new Date(at.getTime() - 600_000);

  return {
    userId,
    organisationId,
    moduleId: module.id,
    moduleVersion: module.version,
    furthestStepIndex: stepIndex,
    lastStepId: module.steps[stepIndex]!.id,
    lastStepIndex: stepIndex,
    bestScore: completed ? 70 + Math.floor(rand() * 31) : null,
    quizPassedAt: completed ? at : null,
    reachedEndAt: completed ? at : null,
    completedAt: completed ? at : null,
    completedVersion: completed ? module.version : null,
    lastFinishAt: completed ? at : null,
    lastCompletedAt: completed ? at : null,
    timeSpentSeconds: Math.round((completed ? 300 : 60) + rand() * 300),
    startedAt,
    lastActivityAt: at,
  };
}

/** A graded quiz answer as record-events keeps it; some questions are harder than others. */
function quizEvent(
  userId: string,
  organisationId: string,
  module: CourseModule,
  at: Date,
  rand: () => number,
): typeof learningEvents.$inferInsert {
  const quiz = module.steps.find((step) => step.kind === "quiz");
  const questions =
    quiz?.kind === "quiz"
      ? quiz.questions.map((q, i) => ({
          questionId: q.id,
          correct: rand() > 0.05 + 0.08 * (i % 4),
          selected: [],
          expected: [],
        }))
      : [];
  const correctCount = questions.filter((q) => q.correct).length;
  const score = questions.length ? Math.round((100 * correctCount) / questions.length) : 100;

  return {
    eventId: randomUUID(),
    userId,
    organisationId,
    moduleId: module.id,
    moduleVersion: module.version,
    kind: "quiz_submitted",
    stepId: quiz?.id ?? null,
    payload: { result: { score, passed: true, correctCount, total: questions.length, questions }, activeSeconds: 60 },
    occurredAt: at,
    receivedAt: at,
  };
}
