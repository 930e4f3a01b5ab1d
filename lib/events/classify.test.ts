import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './incidents';

test('state forces as victims make a clash, not violence against civilians', () => {
  assert.equal(classify('A shooting in Khorog killed two soldiers on Monday.')?.type.eventType, 'Battles');
  assert.equal(classify('Gunmen opened fire on a road crew, wounding three border guards.')?.type.eventType, 'Battles');
});

test('civilians as victims stay violence against civilians', () => {
  assert.equal(classify('Gunmen opened fire on a road crew, killing two Chinese workers.')?.type.eventType, 'Violence against civilians');
});
