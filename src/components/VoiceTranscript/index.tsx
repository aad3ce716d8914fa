import { useState } from 'react';
import { View } from '@tarojs/components';
import type { Envelope, VoiceNoteDTO } from '@hg/types';
import { TRANSCRIPT_RULES } from '@hg/types/needs';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import TextBox from '../TextBox';
import BusyButton from '../BusyButton';
import { charCount } from '../../utils/text';
import './index.scss';

export interface VoiceTranscriptProps {
  /** The note: nothing is shown unless it carries a transcript (a city enabled 语音转文字). */
  note: Pick<VoiceNoteDTO, 'transcript' | 'transcriptEditable'>;
  /** Saves a correction; the parent reloads what it shows from the answer. */
  onSave?: ((text: string) => Promise<Envelope<unknown>>) | null;
  testId?: string;
}

const defaults = { onSave: null, testId: 'voice-transcript' } satisfies Partial<VoiceTranscriptProps>;

/**
 * 语音转文字（可能有误）: a speech service's text of a voice note, shown beside the player where a city
 * enabled one, marked as possibly wrong; its speaker and the staff handling it may correct it.
 */
export default function VoiceTranscript(props: VoiceTranscriptProps) {
  const { note, onSave, testId } = withDefaults(props, defaults);
  const [editing, setEditing] = useState(false);
  // What is shown: the note's transcript, then the last correction saved here.
  const [shown, setShown] = useState(note.transcript ?? null);
  const [text, setText] = useState(note.transcript ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!shown) return null;
  const save = async () => {
    if (!onSave) return;
    if (!text.trim()) return setError('请填写语音文字');
    if (charCount(text) > TRANSCRIPT_RULES.maxLength) return setError(`语音文字不超过${TRANSCRIPT_RULES.maxLength}个字`);
    setBusy(true);
    const res = await onSave(text.trim());
    setBusy(false);
    if (res.ok) {
      setShown(text.trim());
      setEditing(false);
    }
    else setError(res.error.message);
  };
  return (
    <View className='vtext' data-testid={testId}>
      <View className='vtext__label'>{TRANSCRIPT_RULES.label}</View>
      {editing ? (
        <View>
          <TextBox id={`${testId}-box`} label='修改语音文字' value={text} onChange={setText} max={TRANSCRIPT_RULES.maxLength} counter error={error} />
          <View className='vtext__actions'>
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setEditing(false)} data-testid={`${testId}-cancel`}>
              取消
            </View>
            <BusyButton label='保存文字' busy={busy} onClick={() => void save()} testId={`${testId}-save`} />
          </View>
        </View>
      ) : (
        <View className='vtext__body'>
          <View className='vtext__text' data-testid={`${testId}-text`}>
            {shown}
          </View>
          {note.transcriptEditable && onSave ? (
            <View
              className='vtext__edit'
              role='button'
              {...FOCUSABLE}
              onClick={() => {
                setText(shown);
                setError(null);
                setEditing(true);
              }}
              data-testid={`${testId}-edit`}
            >
              修改文字
            </View>
          ) : null}
        </View>
      )}
    </View>
  );
}
