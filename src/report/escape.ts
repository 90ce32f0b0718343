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

// --- what the page loads --------------------------------------------------------------
//
// The report must open offline, so nothing it loads may come from the network. The check
// reads the page as a browser would, not as text: only the attributes of real tags and the
// CSS of <style> elements and style attributes load anything. Text (escaped, so it holds no
// tag) and script contents (JSON data, inlined libraries) are skipped; a DOI or URL in a
// description is text or an <a> link, which the page never fetches by itself.

/** Attributes that make an element fetch a URL, by element ('*': any element). */
const LOADING_ATTRIBUTES: Record<string, readonly string[]> = {
  '*': ['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc'],
  link: ['href', 'imagesrcset'],
  base: ['href'],
  object: ['data', 'codebase'],
  applet: ['code', 'codebase', 'archive'],
  embed: ['code'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  script: ['href', 'xlink:href'],
  input: ['formaction'],
  button: ['formaction'],
  form: ['action'],
  html: ['manifest'],
};
// Elements whose content is not markup: it ends only at the matching end tag.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Whether a URL (after entity decoding) leaves the file: `scheme://...` or `//host/...`. */
const isNetworkUrl = (url: string) => /^[\s\x00-\x20]*(?:[a-z][a-z0-9+.-]*:)?[\\/]{2}/i.test(url);

/** Decodes the character references a browser decodes in attribute values. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', sol: '/', bsol: '\\', tab: '\t', newline: '\n', period: '.' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[ref.toLowerCase()] ?? m;
  });
}

/** Network URLs in CSS: url(...) and @import. */
function cssLoads(css: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of text.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) if (isNetworkUrl(m[2])) found.push(m[2].trim());
  for (const m of text.matchAll(/@import\s+(["'])([^"']*)\1/gi)) if (isNetworkUrl(m[2])) found.push(m[2].trim());
  return found;
}

/** Network URLs in a srcset (comma-separated "URL [descriptor]"). */
const srcsetLoads = (value: string) => value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter(isNetworkUrl);

/** The attributes of a start tag's text (after the name), names lower-cased, values decoded. */
function attributes(text: string): [string, string][] {
  const found: [string, string][] = [];
  const pattern = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (const m of text.matchAll(pattern)) found.push([m[1].toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')]);
  return found;
}

/** Network URLs a start tag loads: its loading attributes, its style, a meta refresh. */
function tagLoads(name: string, attrs: [string, string][]): string[] {
  const found: string[] = [];
  const loading = new Set([...LOADING_ATTRIBUTES['*'], ...(LOADING_ATTRIBUTES[name] ?? [])]);
  for (const [attr, value] of attrs) {
    if (attr === 'style') found.push(...cssLoads(value));
    else if (attr.endsWith('srcset') && loading.has(attr)) found.push(...srcsetLoads(value));
    else if (loading.has(attr) && isNetworkUrl(value)) found.push(value.trim());
  }
  if (name === 'meta' && attrs.some(([a, v]) => a === 'http-equiv' && v.toLowerCase() === 'refresh')) {
    const content = attrs.find(([a]) => a === 'content')?.[1] ?? '';
    const url = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1] ?? '';
    if (isNetworkUrl(url)) found.push(url.trim());
  }
  return found;
}

/**
 * Every network load a page would make: loading attributes of its elements (script, link,
 * img, iframe, object, video, source, ... src/href/srcset/data/poster), CSS url() and
 * @import in <style> and style attributes, and a meta refresh, with http(s) or
 * protocol-relative URLs. The report must have none.
 */
export function networkLoads(html: string): string[] {
  const found: string[] = [];
  const lower = html.toLowerCase();
  const tagName = /<([a-zA-Z][^\s\/>]*)/y;
  // The rest of a tag: up to the first '>' outside a quoted value.
  const tagRest = /(?:[^>"']|"[^"]*"|'[^']*')*/y;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    tagName.lastIndex = open;
    const tag = tagName.exec(html);
    if (!tag) {
      i = open + 1;
      continue;
    }
    const name = tag[1].toLowerCase();
    tagRest.lastIndex = tagName.lastIndex;
    const rest = tagRest.exec(html)![0];
    found.push(...tagLoads(name, attributes(rest)));
    i = tagRest.lastIndex + 1;
    if (RAW_TEXT.has(name)) {
      const close = lower.indexOf(`</${name}`, i);
      if (name === 'style') found.push(...cssLoads(html.slice(i, close < 0 ? html.length : close)));
      i = close < 0 ? html.length : close;
    }
  }
  return found;
}
