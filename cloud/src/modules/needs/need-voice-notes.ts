import type { EntityManager } from 'typeorm';
import type { TVoiceNote } from '@hg/types';
import { invalidInput } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { NeedVoiceNote } from './need-voice-note.entity';

/**
 * Check the uploaded recording exists in this deployment's store (the same check as photos), then
 * attach it to the need (`commentId` 0) or to one of its comments. Runs inside the caller's
 * transaction, so a missing file leaves nothing written.
 */
export async function attachVoiceNote(
  em: EntityManager,
  platform: Platform,
  at: { needId: number; commentId: number },
  note: TVoiceNote | undefined,
  uploaderId: number,
  now: Date,
): Promise<void> {
  if (!note) return;
  if (!(await platform.photos.exists(note.fileId))) throw invalidInput('voiceNote', '语音不存在或已过期，请重新录制');
  await em.insert(NeedVoiceNote, { ...at, fileId: note.fileId, durationSec: note.durationSec, uploaderId, createdAt: now });
}
