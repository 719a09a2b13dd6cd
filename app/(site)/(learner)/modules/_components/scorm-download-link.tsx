/** The link itself, also drawn by the prerendered shell for a manager once the state route says so. */
export function ScormDownloadLink({
  href,
  describedBy,
  label,
  hint,
}: {
  href: string;
  describedBy?: string;
  label: string;
  hint: string;
}) {
  const hintId = `${href.replace(/\W+/g, "-")}-hint`;

  return (
    <p className="scorm-download">
      <a
        className="button button--secondary"
        href={href}
        download
        aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
      >
        {label}
      </a>{" "}
      <span id={hintId} className="hint">
        {hint}
      </span>
    </p>
  );
}
