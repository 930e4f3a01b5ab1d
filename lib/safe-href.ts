/**
 * A link taken from an article (front matter `url`) as an href, or null: only absolute http(s) URLs
 * pass. javascript:, data:, vbscript:, protocol-relative (//other.site/x) and relative paths are refused.
 *
 * @example
 * safeHref('https://news.example/a') // 'https://news.example/a'
 * safeHref('javascript:alert(1)')   // null
 */
export function safeHref(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const s = url.trim();
  if (!/^https?:\/\/[^/\\\s]/i.test(s) || /[\u0000-\u001f\u007f\s]/.test(s)) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
