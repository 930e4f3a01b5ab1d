import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ArticleError, isIsoDate, parseArticle } from './article';

test('front matter fields are read and the body is kept exactly as received', () => {
  const body = ' date 2025-12-02 Shots were fired.\n\nSecond paragraph “quoted”.\n';
  const a = parseArticle(`---\nid: x-1\npublished: 2025-12-02\ntitle: "A title"\n---\n${body}`, 'data/articles/x.md');
  assert.equal(a.id, 'x-1');
  assert.equal(a.published, '2025-12-02');
  assert.equal(a.title, 'A title');
  assert.equal(a.body, body);
});

test('without front matter the id is the base name and the whole text is the body', () => {
  const a = parseArticle('DUSHANBE -- A text.', '/tmp/some/report_7.txt');
  assert.equal(a.id, 'report_7');
  assert.equal(a.published, undefined);
  assert.equal(a.body, 'DUSHANBE -- A text.');
});

test('CRLF front matter and a byte-order mark are accepted', () => {
  const a = parseArticle('\uFEFF---\r\nid: crlf\r\npublished: 2024-02-29\r\n---\r\nBody', 'c.md');
  assert.equal(a.id, 'crlf');
  assert.equal(a.body, 'Body');
});

const bad: [string, string, RegExp][] = [
  ['unclosed front matter', '---\nid: a\npublished: 2025-12-01\nBody', /no closing "---"/],
  ['invalid YAML', '---\nid: [a\n---\nBody', /not valid YAML/],
  ['a list instead of a mapping', '---\n- a\n- b\n---\nBody', /must be a YAML mapping/],
  ['an impossible date', '---\nid: a\npublished: 2025-02-30\n---\nBody', /"published" must be a date as YYYY-MM-DD/],
  ['a date in another format', '---\nid: a\npublished: 1 December 2025\n---\nBody', /"published" must be a date/],
  ['an unknown field (a typo)', '---\nid: a\npublsihed: 2025-12-01\n---\nBody', /unknown field "publsihed"/],
  ['an id with spaces', '---\nid: a b\n---\nBody', /id "a b" may hold only/],
  ['an empty title', '---\nid: a\ntitle: ""\n---\nBody', /"title" must be a non-empty string/],
  ['binary content', 'abc\u0000def', /is not text/],
];
for (const [name, text, message] of bad) {
  test(`rejects ${name}, naming the file`, () => {
    assert.throws(
      () => parseArticle(text, 'data/articles/broken.md'),
      (e: unknown) => e instanceof ArticleError && e.message.startsWith('data/articles/broken.md: ') && message.test(e.message),
    );
  });
}

test('a missing date is an error only where one is required', () => {
  assert.equal(parseArticle('---\nid: a\n---\nBody', 'a.md').published, undefined);
  assert.throws(() => parseArticle('---\nid: a\n---\nBody', 'a.md', { requireDate: true }), /a\.md: .*"published" is missing/);
});

test('isIsoDate knows the calendar', () => {
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2025-02-29'));
  assert.ok(!isIsoDate('2025-13-01'));
  assert.ok(!isIsoDate('2025-1-01'));
});
