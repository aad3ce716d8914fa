import type { CompoundType } from './enums';
import type { PhotoDTO, VoiceNoteDTO } from './dto';
import type { Criterion, ObjectionStatus, PeriodStatus, RatingDimension, ReportReason, Weights } from './ratings';

export interface PeriodDTO {
  id: number;
  code: string;
  startsOn: string;
  endsOn: string;
  status: PeriodStatus;
  statusLabel: string;
  /** The last day of 公示 (objections until then; final after it), null before 公示. */
  publicityEndsOn: string | null;
  /** Frozen when the period opened. */
  weights: Record<CompoundType, Weights>;
}

/**
 * The household's rating as one of its verified members reads it. One rating per household and
 * period; any verified member may change it, and the last to submit is its author. The comment is
 * the author's own: another member reads `comment: ''` and `commentByOther: true`.
 */
export interface MyRatingDTO {
  period: PeriodDTO | null;
  firm: { id: number; name: string } | null;
  rating: {
    id: number;
    scores: Record<RatingDimension, number>;
    /** The comment as written, for its author only ('' for any other member). */
    comment: string;
    /** Another member wrote a comment or left a voice note the caller may not read or hear. */
    commentByOther: boolean;
    /** The last submission was the caller's (never a name: who else in the household rated is not told). */
    byMe: boolean;
    /** When the household first rated this period. */
    ratedAt: string;
    updatedAt: string;
    /** Changes after the first rating (a first rating is 0, not 「已修改1次」). */
    changes: number;
    /** The household's voice note, for its author only (like the comment); null for another member. */
    voiceNote: VoiceNoteDTO | null;
  } | null;
  /** Why the household may not rate now, or null. */
  blockedReason: string | null;
  /**
   * The household's rating in its latest period that is no longer open (closed, 公示 or final):
   * where a message about the comment (hidden, removed, given back) leads. Its author also reads
   * what became of the comment and the voice note; another member reads the scores only.
   */
  previous: {
    period: PeriodDTO;
    rating: NonNullable<MyRatingDTO['rating']>;
    /** The author's comment as moderation left it; null for another member or without a comment. */
    commentState: 'visible' | 'hidden' | 'removed' | null;
    /** The author's voice note: hidden from the firm by a moderator, or not; null as for commentState. */
    voiceHidden: boolean | null;
  } | null;
}

/** One firm's result for one period and compound type: stars only with enough households. */
export interface FirmResultDTO {
  periodId: number;
  periodCode: string;
  compoundType: CompoundType;
  /** Households that rated (always shown next to the stars). */
  sample: number;
  /** null when the sample is below the minimum (样本不足). */
  stars: number | null;
  composite: number | null;
  criteria: Record<Criterion, number | null>;
  /**
   * Satisfaction before shrinkage toward the city mean. Like `composite` and `criteria.satisfaction`,
   * null below the minimum sample: with one or two households it would be their own score.
   */
  satisfactionRaw: number | null;
  needs: { volume: number; solved: number; slaHitRate: number; reopenRate: number; averageRating: number | null };
  /** How the composite was made (评分说明), from the same figures, withheld the same way below the minimum sample. */
  breakdown: CompositeBreakdownDTO;
  /** The stored result (objections and corrections name it); null for a live preview. */
  resultId?: number | null;
  /** 1 as computed at the close; each correction adds one (the old versions are kept). */
  version?: number;
  /** When the current version was written by a correction (已更正), null if never corrected. */
  correctedAt?: string | null;
  /** 公示中 (with its last day) or final. */
  periodStatus?: PeriodStatus;
  publicityEndsOn?: string | null;
}

/** One version of a result (the firm and the admin read the history of corrections). */
export interface ResultVersionDTO {
  version: number;
  stars: number | null;
  composite: number | null;
  criteria: Record<Criterion, number | null>;
  /** Why this version was written ('期末计算' for the first). */
  reason: string;
  /** Who wrote it (the admin's name; '系统' for the computed first version). */
  actor: string;
  objectionId: number | null;
  at: string;
}

/** A firm's objection (申诉) to a result, as the firm and the admin read it (nobody else sees it). */
export interface ObjectionDTO {
  id: number;
  period: { id: number; code: string; status: PeriodStatus; publicityEndsOn: string | null };
  firm: { id: number; name: string };
  resultId: number;
  compoundType: string;
  body: string;
  /** The evidence photos (ids as uploaded, and displayable). */
  photoIds: string[];
  photos: PhotoDTO[];
  status: ObjectionStatus;
  statusLabel: string;
  answer: string;
  answeredAt: string | null;
  createdAt: string;
  /** The caller may answer it (the admin, while pending). */
  canAnswer: boolean;
}

/** Between close and 公示: the admin reviews every firm's results and its public comments. */
export interface PeriodReviewDTO {
  period: PeriodDTO;
  firms: {
    firm: { id: number; name: string };
    results: FirmResultDTO[];
    comments: { ratingId: number; body: string; status: 'visible' | 'hidden' | 'removed'; reports: number; at: string }[];
  }[];
  /** Objections not answered yet (公示 cannot end while there are any). */
  pendingObjections: number;
}

/** One criterion of the composite, as the firm card explains it. */
export interface CriterionBreakdownDTO {
  criterion: Criterion;
  label: string;
  /** The weight (percent) frozen into the period for this compound type. */
  weight: number;
  /** The weight it carried in the composite: renormalised over the criteria with data; 0 without data. */
  appliedWeight: number;
  /** 0–100, one decimal; null without data (or withheld below the minimum sample). */
  score: number | null;
  /** Where the data come from, in one sentence with this period's numbers. */
  source: string;
}

export interface CompositeBreakdownDTO {
  criteria: CriterionBreakdownDTO[];
  /** Households that rated, against the minimum for stars. */
  sample: number;
  minSample: number;
  /** Assessors who scored the firm in the period. */
  assessors: number;
  /** How the composite and the stars are rounded, in one sentence. */
  rounding: string;
}

export interface FirmCardDTO {
  firm: { id: number; name: string; hotline: string | null };
  /** Latest published result per compound type the firm serves (the compound's type first). */
  results: FirmResultDTO[];
  /** Published history, newest first (for the trend). */
  history: FirmResultDTO[];
  reply: { periodCode: string; body: string; updatedAt: string } | null;
  /** For community/street staff, admins, assessors and the firm: the open period computed now. */
  preview: FirmResultDTO[] | null;
  /**
   * Public comments of the latest published period (no names, hidden ones left out; phone
   * numbers, ID numbers and room addresses masked). `canMask`: the caller moderates it.
   */
  comments: {
    ratingId: number;
    body: string;
    scores: Record<RatingDimension, number>;
    at: string;
    canMask: boolean;
    /** The firm's current public reply to this comment (personal data masked), or null. */
    reply: CommentReplyDTO | null;
    /**
     * 居民语音留言: only for the rated firm's staff, the moderators over the compound and the city
     * admin (never public: a recording cannot be masked); null for everyone else. A comment with a
     * voice note and no words is listed for them only.
     */
    voiceNote: VoiceNoteDTO | null;
    /** The voice note was hidden by a moderator: the firm no longer gets it; moderators still do. */
    voiceHidden: boolean;
  }[];
  /**
   * 考评依据: the assessors' scores, notes and photos behind the latest published result, for the
   * firm's own staff and the city admin only (null for everyone else, residents included).
   */
  evidence: AssessorEvidenceDTO[] | null;
  /**
   * Who is reading, for the result card's review actions: the firm's own staff may object during
   * 公示 and read the correction history; the admin reads it and answers. Null when signed out.
   */
  reviewer?: { firmStaff: boolean; admin: boolean } | null;
}

/** The firm's public reply to one comment (one current reply; earlier versions are in the subject log). */
export interface CommentReplyDTO {
  body: string;
  /** When it was first written and last replaced (equal when never replaced). */
  repliedAt: string;
  updatedAt: string;
}

/** One assessor's scores of the firm in one period, with the note and photos that back them (no names). */
export interface AssessorEvidenceDTO {
  periodId: number;
  periodCode: string;
  scores: Record<'organisation' | 'team' | 'service', number>;
  note: string;
  photos: PhotoDTO[];
  updatedAt: string;
}

export interface LeaderboardDTO {
  period: PeriodDTO | null;
  /** The final (published) periods, newest first: the board's period picker. */
  periods: { id: number; code: string }[];
  rows: {
    rank: number | null;
    firm: { id: number; name: string };
    compoundType: CompoundType;
    stars: number | null;
    composite: number | null;
    sample: number;
  }[];
}

export interface AssessmentDTO {
  firm: { id: number; name: string };
  periodId: number;
  scores: Record<'organisation' | 'team' | 'service', number>;
  note: string;
  photoIds: string[];
  updatedAt: string;
}

/** A comment waiting for a moderator (hidden after reports). */
export interface ModerationItemDTO {
  ratingId: number;
  firm: { id: number; name: string };
  body: string;
  /** Reports that count toward hiding (the rated firm's own staff's do not). */
  reports: number;
  status: 'visible' | 'hidden' | 'removed';
  /** Context for the decision: where and when, and the stars that rating gave. */
  compound: { id: number; name: string };
  period: { id: number; code: string };
  scores: Record<RatingDimension, number>;
  /** Every report by reason, most frequent first (the firm's staff's included: see `firmReports`). */
  reasons: { reason: ReportReason; label: string; count: number }[];
  /** Of those, reports by the rated firm's own staff (shown, never counted toward hiding). */
  firmReports: number;
  /** The rating's voice note (moderators hear it; `voiceHidden`: kept from the firm). */
  voiceNote: VoiceNoteDTO | null;
  voiceHidden: boolean;
}

/** An assessor's work list: the property firms in their scope and their own assessment this period. */
export interface AssessableFirmDTO {
  firm: { id: number; name: string };
  /** Compounds of the firm inside the assessor's scope. */
  compounds: { id: number; name: string }[];
  assessment: AssessmentDTO | null;
}
