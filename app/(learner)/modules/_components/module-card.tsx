import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ModuleCard } from "@/lib/progress/catalogue-view";

export async function ModuleCardItem({ module }: { module: ModuleCard }) {
  const t = await getTranslations("catalogue");
  const titleId = `module-${module.id}`;

  return (
    <li className={`module-card module-card--${module.state}`}>
      <div className="module-card__top">
        <ul className="tags" aria-label={t("tagsLabel")}>
          {module.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
        {module.position && (
          <span className="module-card__position">
            {t("position", { position: module.position.index, total: module.position.total })}
          </span>
        )}
      </div>
      <h3 id={titleId}>{module.title}</h3>
      <p>{module.summary}</p>
      <p className="module-card__meta">
        <span>{t("duration", { minutes: module.durationMinutes })}</span>
        <span className={`state state--${module.state}`}>{t(`state.${module.state}`)}</span>
      </p>
      <Link href={`/modules/${module.id}`} className="button" aria-describedby={titleId}>
        {t(`action.${module.state}`)}
      </Link>
    </li>
  );
}
