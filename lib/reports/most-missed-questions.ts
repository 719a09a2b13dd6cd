import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Catalogue } from "@/lib/courses/types";
import { int, selectRows, text } from "@/lib/read-model/sql-rows";
import { countClosedQuizDays, countedDayTotals } from "@/lib/read-model/quiz-answer-days";

export type MissedQuestion = {
  moduleId: string;
  moduleTitle: string;
  questionId: string;
  prompt: string;
  answers: number;
  wrong: number;
  wrongRate: number;
};

/**
 * The establishment's quiz questions most often answered wrong over the last 12 months, from
 * the graded answers kept in quiz_submitted events (payload.result.questions), counted by the
 * database. Questions answered fewer than `minAnswers` times are left out (too few to say).
 * The months go by the day the server received the answers (received_at): whole days that are
 * over come from the counts of quiz_answer_days (quiz-answer-days.ts), summed once a day and
 * kept; the first, partial day of the 12 months and the last day or two come from the events
 * themselves, found by the (organisation_id, received_at) index.
 */
export async function mostMissedQuestions(
  db: Db,
  options: { organisationId: string; catalogue: Catalogue; asOf: Date; limit?: number; minAnswers?: number },
): Promise<MissedQuestion[]> {
  const since = new Date(options.asOf.getTime() - 365 * 86_400_000);
  const coverage = await countClosedQuizDays(db, options.organisationId);
  // Counted: the whole days from the first UTC midnight at or after `since` up to closedBefore.
  const countedFrom = new Date(Math.ceil(since.getTime() / 86_400_000) * 86_400_000);
  const countedUntil =
    coverage.closedBefore && coverage.closedBefore > countedFrom ? coverage.closedBefore : countedFrom;
  const day = (value: Date) => value.toISOString().slice(0, 10);
  const totals = await countedDayTotals(db, options.organisationId, coverage, day(countedFrom), day(countedUntil));
  const rows = await selectRows(
    db,
    sql`select module_id, question_id, sum(answers)::int as answers, sum(wrong)::int as wrong from (
        select module_id, question_id, answers, wrong from jsonb_to_recordset(${JSON.stringify(totals)}::jsonb) as t (module_id text, question_id text, answers int, wrong int)
        union all
        select e.module_id, q->>'questionId', 1, case when q->>'correct' = 'false' then 1 else 0 end
        from learning_events e cross join lateral jsonb_array_elements(e.payload->'result'->'questions') q
        where e.organisation_id = ${options.organisationId}::uuid and e.kind = 'quiz_submitted' and e.received_at >= ${since.toISOString()}::timestamptz
          and (e.received_at < ${countedFrom.toISOString()}::timestamptz or e.received_at >= ${countedUntil.toISOString()}::timestamptz)
      ) answers
      group by 1, 2 having sum(answers) >= ${options.minAnswers ?? 5}
      order by sum(wrong)::float / sum(answers) desc, 3 desc, 1, 2 limit ${options.limit ?? 5}`,
    (row) => ({
      module_id: text(row, "module_id"),
      question_id: text(row, "question_id"),
      answers: int(row, "answers"),
      wrong: int(row, "wrong"),
    }),
  );

  return rows.flatMap((row) => {
    const module = options.catalogue.moduleById.get(row.module_id);
    const question = module?.steps
      .flatMap((step) => (step.kind === "quiz" ? step.questions : []))
      .find((q) => q.id === row.question_id);
    if (!module || !question || row.wrong === 0) return [];

    return [
      {
        moduleId: module.id,
        moduleTitle: module.title,
        questionId: question.id,
        prompt: question.prompt,
        answers: row.answers,
        wrong: row.wrong,
        wrongRate: row.wrong / row.answers,
      },
    ];
  });
}
