import { z } from 'zod';
import { TRANSCRIPT_RULES } from './needs';
import { id, text } from './primitives';
import { defineSettings } from './settings';

/**
 * Voice notes' transcripts (语音转文字): the city's switch and the corrections. Kept apart from the
 * needs and ratings schemas so that bundles which never touch a voice note (me) do not carry them.
 */

/**
 * 语音转文字 as a city settings section (listed by the needs module, which owns voice notes; ratings
 * reads it too). Off by default: no recording leaves the platform's store until a city turns it on
 * and a transcriber is configured (Platform.transcriber).
 */
export const ZVoiceSettings = z.object({ transcription: z.boolean() }).strict();
export type VoiceSettings = z.infer<typeof ZVoiceSettings>;
export const VOICE_SETTINGS = defineSettings({
  key: 'voice',
  label: '语音转文字',
  schema: ZVoiceSettings,
  defaults: { transcription: false },
  fields: [
    {
      key: 'transcription',
      label: '把居民的语音留言转成文字',
      kind: 'switch',
      hint: '开启后，需求和评价里的语音会交给平台的转写服务，转出的文字工作人员可以修改；居民的录音本身不会公开。',
    },
  ],
});

/** A corrected transcript: words, at most TRANSCRIPT_RULES.maxLength (an empty one is refused: a note without words has none). */
export const transcriptText = text(TRANSCRIPT_RULES.maxLength, '语音文字');

/** Correct the transcript of a need's voice note (`commentId` absent: the need's own) or of a comment's. */
export const ZEditNeedTranscriptRequest = z.object({ needId: id, commentId: id.optional(), transcript: transcriptText }).strict();
export type TEditNeedTranscriptRequest = z.infer<typeof ZEditNeedTranscriptRequest>;
