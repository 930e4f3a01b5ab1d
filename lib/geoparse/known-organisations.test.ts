import { test } from 'node:test';
import assert from 'node:assert/strict';
import lexicon from './lexicon.json';
import { knownOrganisationMatches } from './index';

// The one-pass search must find exactly what one matchAll per organisation found before it.
function oneByOne(text: string): Array<Array<{ index: number; length: number }>> {
  return lexicon.knownOrganisations.map((name) => {
    const words = name.split(/[\s\-‐‑–—]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const re = new RegExp(`(?<![\\p{L}])${words.join('[\\s\\-‐‑–—]+')}(?![\\p{L}])`, 'giu');
    return [...text.matchAll(re)].map((m) => ({ index: m.index!, length: m[0].length }));
  });
}

test('known organisations: one pass finds what one search per organisation finds', () => {
  const texts = [
    'No organisation here, only Kulob and the river.',
    'Asia-Plus and Asia Plus quoted Reuters; RFE/RL’s Radio Ozodi and Ozodi too.',
    // nested names, different separators, case, letters glued on either side
    'Islamic State Khorasan Province (ISKP), Islamic State-Khorasan, the ISLAMIC STATE, XReuters, Reutersx, Reuters.',
    'Tehrik-i-Taliban Pakistan / Tehrik i Taliban Pakistan / Tehreek‑e‑Taliban   Pakistan',
    // astral characters around and between matches (code points of two UTF-16 units)
    '𝐀 BBC 𝐁BBC BBC𝐂 😀VOA😀 TASS',
    'Kaktus.media Kaktus 24.kg 24xkg AKIpress Anadolu Agency Anadolu',
    '',
  ];
  // and a text of every name, twice over, jammed together
  texts.push(lexicon.knownOrganisations.join(' ').repeat(2), lexicon.knownOrganisations.join(''));
  let found = 0;
  for (const text of texts) {
    const expected = oneByOne(text);
    assert.deepEqual(knownOrganisationMatches(text), expected, text);
    found += expected.flat().length;
  }
  assert.ok(found > 150, `the texts name organisations (${found} matches)`);
});
