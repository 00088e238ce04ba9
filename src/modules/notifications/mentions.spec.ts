import { excerptOf, mentionedHandles, MAX_MENTIONS_PER_POST } from './mentions';

describe('mentionedHandles', () => {
  it('finds handles in prose, lower-cased, once each', () => {
    expect(mentionedHandles('Hi @ada_lovelace and @Grace_Hopper, see @ada_lovelace.')).toEqual(['ada_lovelace', 'grace_hopper']);
    expect(mentionedHandles('(@bob) "@carol" @dave!')).toEqual(['bob', 'carol', 'dave']);
  });

  it('ignores e-mail addresses, code, too-short handles and @@', () => {
    expect(mentionedHandles('mail ada@example.org or x.@bob')).toEqual([]);
    expect(mentionedHandles('run `@decorator` or\n```\n@Injectable()\n```\nthen @ok_handle')).toEqual(['ok_handle']);
    expect(mentionedHandles('@ab @@carol')).toEqual([]);
  });

  it('stops after the cap', () => {
    const body = Array.from({ length: 50 }, (_, i) => `@user_${i}`).join(' ');
    expect(mentionedHandles(body)).toHaveLength(MAX_MENTIONS_PER_POST);
  });
});

describe('excerptOf', () => {
  it('flattens markdown and cuts long text', () => {
    expect(excerptOf('# Title\n\nSome **bold** [link](http://x) text')).toBe('Title Some bold link text');
    expect(excerptOf('a'.repeat(500), 20)).toHaveLength(20);
  });
});
