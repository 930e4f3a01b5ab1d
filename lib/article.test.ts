import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from './article';
test('x', () => { assert.equal(parseArticle('hi', 'a.md').id, 'a'); });
