import { useEffect, useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { __storage } from '../../test/mocks/taro';
import { click, flush } from '../test-utils';
import { DRAFT_TTL_MS, HANDOVER_MS, draftKey, useDraft } from './useDraft';

/** A one-field form wired the way the pages wire it. */
function Note({ draftName = 'note' }: { draftName?: string }) {
  const draft = useDraft<{ text: string }>(draftName);
  const [text, setText] = useState(draft.initial?.text ?? '');
  useEffect(() => draft.save({ text }, !!text.trim()), [text]);
  return (
    <>
      <input aria-label='内容' value={text} onChange={(e) => setText(e.target.value)} />
      {draft.initial ? <p>已恢复</p> : null}
      <button onClick={() => draft.clear()}>提交</button>
    </>
  );
}

/** A plain <input>: React sees the change through fireEvent.change (typeInto is for Taro's inputs). */
const typeInto = async (input: HTMLElement, value: string) => {
  await act(async () => {
    fireEvent.change(input, { target: { value } });
  });
};

const signIn = (id: number) => __storage.set('hg.session.user', { id, name: `用户${id}` });
const signOut = () => __storage.delete('hg.session.user');
const drafts = () => [...__storage.keys()].filter((k) => k.startsWith('hg.draft.'));

beforeEach(() => __storage.clear());

describe('useDraft', () => {
  it('survives the form being unmounted and mounted again (back, reload, login redirect)', async () => {
    signIn(5);
    const first = render(<Note />);
    await typeInto(screen.getByLabelText('内容'), '楼道灯坏了🙏');
    first.unmount();
    render(<Note />);
    await flush(0);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('楼道灯坏了🙏');
    expect(screen.getByText('已恢复')).toBeTruthy();
  });

  it('is cleared on submit, and an untouched form leaves none', async () => {
    signIn(5);
    const first = render(<Note />);
    await flush(0);
    expect(drafts()).toEqual([]);
    await typeInto(screen.getByLabelText('内容'), '楼道灯坏了');
    expect(drafts()).toEqual(['hg.draft.u5.note']);
    await click(screen.getByRole('button', { name: '提交' }));
    expect(drafts()).toEqual([]);
    first.unmount();
    render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('已恢复')).toBeNull();
  });

  it('belongs to the signed-in person: on a shared phone another person starts empty, and gets their own back', async () => {
    signIn(5);
    const mine = render(<Note />);
    await typeInto(screen.getByLabelText('内容'), '王秀兰的草稿');
    mine.unmount();

    signIn(6);
    const theirs = render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    theirs.unmount();

    signIn(5);
    render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('王秀兰的草稿');
    expect(draftKey('note')).toBe('hg.draft.u5.note');
  });

  it('carries what a visitor typed before signing in over to the person who signs in, once (H5 login redirect)', async () => {
    // Not signed in yet: the draft is the anonymous one.
    const before = render(<Note />);
    await typeInto(screen.getByLabelText('内容'), '3栋2单元502 张秀英');
    expect(drafts()).toEqual(['hg.draft.wx.note']);
    before.unmount();

    // The login redirect: signed in, the same form opens with what was typed, now the person's own.
    signIn(5);
    const after = render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('3栋2单元502 张秀英');
    expect(screen.getByText('已恢复')).toBeTruthy();
    await flush(0);
    expect(drafts()).toEqual(['hg.draft.u5.note']);
    after.unmount();

    // Carried once: whoever signs in next on this phone starts empty; the person keeps theirs.
    signOut();
    signIn(6);
    const next = render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    next.unmount();
    signIn(5);
    render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('3栋2单元502 张秀英');
  });

  it('never hands a signed-in person’s draft to a visitor, nor a visitor’s old draft to the next person who signs in', async () => {
    signIn(5);
    const mine = render(<Note />);
    await typeInto(screen.getByLabelText('内容'), '王秀兰的草稿');
    mine.unmount();
    // Signed out, the form is a visitor's: empty.
    signOut();
    const visitor = render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    visitor.unmount();

    // A visitor's draft left longer than a login takes is nobody's: not carried over, and gone.
    __storage.set('hg.draft.wx.note', { savedAt: Date.now() - HANDOVER_MS - 1000, value: { text: '路人的草稿' } });
    signIn(6);
    render(<Note />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    expect(__storage.has('hg.draft.wx.note')).toBe(false);
    expect(__storage.get('hg.draft.u5.note')).toMatchObject({ value: { text: '王秀兰的草稿' } });
  });

  it('keeps drafts of different errands apart, and drops a week-old one', async () => {
    signIn(5);
    const a = render(<Note draftName='need-create:household-9' />);
    await typeInto(screen.getByLabelText('内容'), '给9号住户');
    a.unmount();
    const b = render(<Note draftName='need-create:household-12' />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    b.unmount();

    const key = 'hg.draft.u5.need-create:household-9';
    __storage.set(key, { savedAt: Date.now() - DRAFT_TTL_MS - 1000, value: { text: '给9号住户' } });
    render(<Note draftName='need-create:household-9' />);
    expect((screen.getByLabelText('内容') as HTMLInputElement).value).toBe('');
    expect(__storage.has(key)).toBe(false);
  });
});
