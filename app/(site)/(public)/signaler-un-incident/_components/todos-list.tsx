import { getTranslations } from "next-intl/server";
import type { IncidentTodo } from "@/lib/incident/incident-guidance";

/** What staff do themselves, first, in order: the one part of the sheet that is theirs. */
export async function TodosList({ todos }: { todos: IncidentTodo[] }) {
  const t = await getTranslations("incident.todos");

  return (
    <section className="incident-todos" aria-labelledby="a-faire">
      <h2 id="a-faire">{t("title")}</h2>
      <ol>
        {todos.map((todo) => (
          <li key={todo.title}>
            <strong>{todo.title}.</strong> {todo.detail}
          </li>
        ))}
      </ol>
    </section>
  );
}
