import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ModuleCard } from "@/lib/progress/catalogue-view";

/**
 * A module of the catalogue; `scormHintId` (managers and platform admins only) adds the module's
 * SCORM 1.2 download, described by the card's title and the page's hint of that id.
 */
export async function ModuleCardItem({ module, scormHintId }: { module: ModuleCard; scormHintId?: string }) {
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
      <div className="module-card__actions">
        <Link href={`/modules/${module.id}`} className="button" aria-describedby={titleId}>
          {t(`action.${module.state}`)}
        </Link>
        {scormHintId && (
          <a
            href={`/modules/${module.id}/scorm`}
            className="button button--quiet"
            download
            aria-describedby={`${titleId} ${scormHintId}`}
          >
            {t("scormDownload")}
          </a>
        )}
      </div>
    </li>
  );
}
