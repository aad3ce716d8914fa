import { VOICE_SETTINGS } from '@hg/types';
import type { TimerJob } from '../../core/module';
import { transcribePending } from '../../core/voice-notes';
import { readSettings } from '../settings/public';
import { GridVisitVoiceNote } from './entities';
import { planVisits } from './plans';

/**
 * 计划走访: plans this and the next period's visits for every target household (idempotent per
 * household and period). 走访语音转文字: visits' voice notes through core's transcriber step, when the
 * city's 语音转文字 section enables it (else they are marked skipped, as needs' and ratings' are).
 */
export const GRID_TIMERS: readonly TimerJob[] = [
  { name: 'grids.planVisits', run: (ctx, now) => planVisits(ctx.em, now) },
  {
    name: 'grids.transcribeVoice',
    async run(ctx) {
      const settings = await readSettings(ctx.em, VOICE_SETTINGS);
      return transcribePending(ctx.em, GridVisitVoiceNote, ctx.platform.transcriber, settings.transcription);
    },
  },
];
