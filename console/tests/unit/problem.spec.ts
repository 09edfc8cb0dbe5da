import { expect, test } from '@playwright/test';
import { asProblem, placeErrors } from '../../src/api/problem';

const FIELDS = ['/emptyAt/name', '/emptyAt/stateOrCountry', '/weightCapacityLbs', '/pickupWindow/opensAt'];

test('an error lands at the field its pointer names', () => {
  const { byField, unplaced } = placeErrors([{ pointer: '/weightCapacityLbs', detail: 'must be at most 48000' }], FIELDS);
  expect(byField.get('/weightCapacityLbs')).toEqual(['must be at most 48000']);
  expect(unplaced).toEqual([]);
});

test('an error inside a field lands at that field, the nearest one', () => {
  const { byField } = placeErrors([{ pointer: '/emptyAt/name/0', detail: 'too long' }], FIELDS);
  expect(byField.get('/emptyAt/name')).toEqual(['too long']);
});

test('an error about an object lands at its first field', () => {
  const { byField } = placeErrors([{ pointer: '/emptyAt', detail: 'Nowhereville is not a known city' }], FIELDS);
  expect(byField.get('/emptyAt/name')).toEqual(['Nowhereville is not a known city']);
  expect(byField.has('/emptyAt/stateOrCountry')).toBe(false);
});

test('a pointer that is only a prefix of a field name is not that field', () => {
  const { byField, unplaced } = placeErrors([{ pointer: '/pickup', detail: 'x' }], FIELDS);
  expect(byField.size).toBe(0);
  expect(unplaced).toEqual([{ pointer: '/pickup', detail: 'x' }]);
});

test('errors no field shows, and the root, are left for the alert', () => {
  const errors = [
    { pointer: '', detail: 'The body must be a JSON object' },
    { pointer: '/budget', detail: 'unknown' },
  ];
  expect(placeErrors(errors, FIELDS).unplaced).toEqual(errors);
});

test('a problem keeps title, detail and well-formed errors only', () => {
  const problem = asProblem(
    { type: 'about:blank', title: 'Invalid request', status: 400, detail: 'One field is wrong', errors: [{ pointer: '/a', detail: 'bad' }, { pointer: 3 }] },
    400,
  );
  expect(problem).toEqual({ title: 'Invalid request', detail: 'One field is wrong', status: 400, errors: [{ pointer: '/a', detail: 'bad' }] });
});

test("a gateway answer without a problem body still has a title and the gateway's message", () => {
  expect(asProblem({ message: 'Internal server error' }, 502)).toEqual({
    title: 'The API answered 502',
    detail: 'Internal server error',
    status: 502,
    errors: [],
  });
});
