/** Escaping everything a scenario may say before it goes into the report. */

/** Text for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON safe inside <script>: `<`, `>` and `&` become \u escapes, so no string can close the
 * script element (`</script>`) or open a comment; U+2028/2029 are escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A library's source inside <script>: a literal `</script` would end the element early. */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1');
}

/**
 * Every network load a page could make: src/href/action/poster attributes, CSS url() and
 * @import with http(s) or protocol-relative URLs. The report must have none.
 */
export function networkLoads(html: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:src|href|action|poster|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?\s*((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  ];
  for (const pattern of patterns) for (const m of html.matchAll(pattern)) found.push(m[1]);
  return found;
}
