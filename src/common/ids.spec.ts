import { ID_PATTERN, newId } from './ids';

describe('newId', () => {
  it('makes well-formed, unique ids that sort in creation order', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('spreads the random part over the whole alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const c of newId().slice(10)) seen.add(c);
    expect(seen.size).toBe(32);
  });
});
