import type { Nodes } from 'xast';
import { toXml } from 'xast-util-to-xml';

/**
 * xast-util-to-xml, plus the one escape it leaves out: "]]>" may not appear in XML character data,
 * and strict parsers (resvg's among them) reject a document where an article's text put it. We
 * write no CDATA sections, so every "]]>" in the output is text or an attribute value, where
 * "]]&gt;" means the same.
 *
 * @example
 * serializeXml(x('p', 'a ]]> b')) // "<p>a ]]&gt; b</p>"
 */
export function serializeXml(tree: Nodes): string {
  return toXml(tree).replace(/]]>/g, ']]&gt;');
}
