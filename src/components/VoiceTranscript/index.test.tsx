import { render, screen } from '@testing-library/react';
import { click, flush, typeInto } from '../../test-utils';
import VoiceTranscript from '.';

describe('VoiceTranscript', () => {
  it('shows nothing where no transcript exists (transcription off, or not yet done)', () => {
    const { container } = render(<VoiceTranscript note={{ transcript: null, transcriptEditable: true }} onSave={jest.fn()} />);
    expect(container.textContent).toBe('');
  });

  it('reads the text under 语音转文字（可能有误）, without 修改文字 for a reader who may not edit', () => {
    render(<VoiceTranscript note={{ transcript: '楼道灯坏了', transcriptEditable: false }} onSave={jest.fn()} testId='t' />);
    expect(screen.getByTestId('t').textContent).toBe('语音转文字（可能有误）楼道灯坏了');
    expect(screen.queryByTestId('t-edit')).toBeNull();
  });

  it('corrects it: an empty text is refused in place, a good one saved and shown; a refusal from the server stays beside the box', async () => {
    const save = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '语音文字不超过500个字' } })
      .mockResolvedValueOnce({ ok: true, data: {} });
    render(<VoiceTranscript note={{ transcript: '楼道灯坏了', transcriptEditable: true }} onSave={save} testId='t' />);
    await click(screen.getByTestId('t-edit'));
    const box = await screen.findByLabelText('修改语音文字');
    await typeInto(box, '  ');
    await click(screen.getByTestId('t-save'));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByText('请填写语音文字')).toBeTruthy();

    await typeInto(box, '三楼楼道灯坏了');
    await click(screen.getByTestId('t-save'));
    await flush();
    expect(screen.getByText('语音文字不超过500个字')).toBeTruthy();
    await click(screen.getByTestId('t-save'));
    await flush();
    expect(save).toHaveBeenLastCalledWith('三楼楼道灯坏了');
    expect(screen.getByTestId('t-text').textContent).toBe('三楼楼道灯坏了');
  });
});
