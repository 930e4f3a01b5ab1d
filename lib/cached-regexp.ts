/**
 * Patterns compiled once. The extraction rules build RegExps from vocabulary lists inside functions called for
 * every sentence; building them again on each call — joining a source of a few thousand characters, then V8
 * hashing it to find its compiled code — was the largest single cost of reading an article.
 *
 * - `regex(flags)` is a template tag: `regex('gi')\`\\b${QUANTITY}\\s+dead\`` is `new RegExp(\`\\b${QUANTITY}\\s+dead\`, 'gi')`,
 *   compiled on the first call and kept by call site (a template's strings are the same object every time it
 *   runs) and by the values put in (compared with ===), so a lookup never joins or hashes the source.
 *   `rawRegex(flags)` is the same for a `String.raw` template.
 * - `withFlags(re, flags)` is `new RegExp(re.source, flags)`, kept by the original RegExp object.
 *
 * The same object comes back each time, with `lastIndex` reset to 0, so a caller must not hold a global or
 * sticky one across a call that could fetch the same pattern again (each caller loops over its own pattern).
 * At most {@link MAX_PER_SITE} patterns are kept per call site (values could differ from call to call);
 * past that the site starts again.
 */
export const MAX_PER_SITE = 64;

interface Entry {
  flags: string;
  values: unknown[];
  re: RegExp;
}
const bySite = new WeakMap<readonly string[], Entry[]>();

function compiled(strings: readonly string[], values: unknown[], flags: string): RegExp {
  let entries = bySite.get(strings);
  if (!entries) bySite.set(strings, (entries = []));
  let hit = entries.find((e) => e.flags === flags && e.values.length === values.length && e.values.every((v, i) => v === values[i]));
  if (!hit) {
    if (entries.length >= MAX_PER_SITE) entries.length = 0;
    let source = strings[0];
    for (let i = 0; i < values.length; i++) source += String(values[i]) + strings[i + 1];
    hit = { flags, values, re: new RegExp(source, flags) };
    entries.push(hit);
  }
  hit.re.lastIndex = 0;
  return hit.re;
}

/** Template tag: the RegExp of the template's text with these flags, compiled once per call site and values. */
export function regex(flags = ''): (strings: TemplateStringsArray, ...values: unknown[]) => RegExp {
  return (strings, ...values) => compiled(strings, values, flags);
}

/** As {@link regex}, for a template written as `String.raw` (backslashes kept as they are). */
export function rawRegex(flags = ''): (strings: TemplateStringsArray, ...values: unknown[]) => RegExp {
  return (strings, ...values) => compiled(strings.raw, values, flags);
}

const flagged = new WeakMap<RegExp, Map<string, RegExp>>();

/** `new RegExp(re.source, flags)`, compiled once per pattern and flags. */
export function withFlags(re: RegExp, flags: string): RegExp {
  let variants = flagged.get(re);
  if (!variants) flagged.set(re, (variants = new Map()));
  let out = variants.get(flags);
  if (!out) variants.set(flags, (out = new RegExp(re.source, flags)));
  out.lastIndex = 0;
  return out;
}
