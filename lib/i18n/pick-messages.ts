type MessageTree = { [key: string]: unknown };

/** The namespaces (or "namespace.sub" paths) of `all` named in `paths`, in their place: what a page serializes for its client components. */
export function pickMessages(all: MessageTree, paths: readonly string[]): MessageTree {
  const picked: MessageTree = {};
  for (const path of paths) {
    const parts = path.split(".");
    let source: unknown = all;
    let target = picked;
    for (const [index, part] of parts.entries()) {
      source = (source as MessageTree | undefined)?.[part];
      if (index === parts.length - 1) target[part] = source;
      else target = (target[part] ??= {}) as MessageTree;
    }
  }

  return picked;
}
