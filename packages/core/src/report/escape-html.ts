const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text and attribute values for HTML and inline SVG. Ids, names, messages and labels all come
 * from the user's estate or from plugins, so everything that is not our own markup goes through here.
 */
export function escapeHtml(text: string): string {
  // Most ids and messages need nothing: skip the replace (a measurable share of a 10,000-workload report).
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (char) => ENTITIES[char]!) : text;
}

/** Only http(s) links become links: a plugin's docsUrl of `javascript:…` must not run. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : undefined;
}
