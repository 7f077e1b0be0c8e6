import { Role, roleAtLeast } from './auth';

describe('roleAtLeast', () => {
  it.each<[Role, Role, boolean]>([
    ['viewer', 'viewer', true],
    ['viewer', 'analyst', false],
    ['viewer', 'admin', false],
    ['analyst', 'viewer', true],
    ['analyst', 'analyst', true],
    ['analyst', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'analyst', true],
    ['admin', 'admin', true],
  ])('%s reaching a %s endpoint → %s', (role, required, expected) => {
    expect(roleAtLeast(role, required)).toBe(expected);
  });
});
