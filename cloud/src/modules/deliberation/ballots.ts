import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@hg/types';
import type { BallotChannel } from '@hg/types/deliberation';
import { dialectOf, findLockedShared } from '../../core/data-source';
import { AppError, conflict, forbidden, invalidInput, isUniqueViolation, notFound } from '../../core/errors';
import { Ballot, ElectorateRow, Matter } from './entities';
import { optionsOf, votingOpen } from './matters';

export const ballotKey = (matterId: number, version: number, householdId: number) => `${matterId}:${version}:${householdId}`;

export interface CastInput {
  matterId: number;
  householdId: number;
  optionIndex: number;
  channel: BallotChannel;
  castById: number;
  /** Paper ballots: replacing an existing ballot must be confirmed. Online: a member may always change the household's ballot. */
  replace: boolean;
  now: Date;
}

/**
 * Record a household's ballot in the caller's transaction. The matter is read under a shared lock
 * (a close or a new version waits for ballots in flight, and a ballot waits for them), the window
 * is checked by the clock (a ballot at or after `closesAt` is refused even before the timer closes
 * the vote), the household must be in the version's electorate, and the household's electorate row
 * is locked so its members are serialised. The current ballot (if any) becomes superseded and the
 * new one takes the unique `currentKey`: at most one current ballot per household per version,
 * also in the schema. Returns the ballot and whether it replaced one.
 */
export async function castBallot(em: EntityManager, c: CastInput): Promise<{ ballot: Ballot; replaced: Ballot | null; matter: Matter }> {
  const matter = await findLockedShared(em, Matter, c.matterId);
  if (!matter) throw notFound('议题');
  if (!votingOpen(matter, c.now)) {
    if (matter.closesAt && c.now >= matter.closesAt) throw new AppError(ErrorCode.INVALID_TRANSITION, '投票已截止');
    throw new AppError(ErrorCode.INVALID_TRANSITION, matter.opensAt && c.now < matter.opensAt ? '投票尚未开始' : '当前不在投票阶段');
  }
  if (c.optionIndex >= optionsOf(matter).length) throw invalidInput('optionIndex', '没有这个选项');
  const elector = em.createQueryBuilder(ElectorateRow, 'e').where('e.matterId = :m AND e.version = :v AND e.householdId = :h', {
    m: matter.id,
    v: matter.version,
    h: c.householdId,
  });
  if (dialectOf(em.connection) !== 'better-sqlite3') elector.setLock('pessimistic_write');
  if (!(await elector.getOne())) throw forbidden('本户不在本议题的表决范围内（公告发布时未登记）');
  const key = ballotKey(matter.id, matter.version, c.householdId);
  // A locking read: under REPEATABLE READ a plain one would return the snapshot taken at the
  // matter's read, before a fellow member's ballot committed while this one waited for the lock.
  const current = em.createQueryBuilder(Ballot, 'b').where('b.currentKey = :key', { key });
  if (dialectOf(em.connection) !== 'better-sqlite3') current.setLock('pessimistic_write');
  const existing = await current.getOne();
  if (existing && c.channel !== 'online' && !c.replace)
    throw new AppError(ErrorCode.CONFLICT, '该户已有选票，确认替换请再次提交（replace）', {
      existing: { channel: existing.channel, castAt: existing.castAt.toISOString() },
    });
  if (existing) {
    const res = await em.update(Ballot, { id: existing.id, currentKey: key }, { status: 'superseded', currentKey: null, endedAt: c.now });
    if (res.affected !== 1) throw conflict('本户的选票刚刚被修改，请刷新后再试');
  }
  const ballot = em.create(Ballot, {
    matterId: matter.id,
    version: matter.version,
    householdId: c.householdId,
    optionIndex: c.optionIndex,
    channel: c.channel,
    castById: c.castById,
    status: 'current',
    currentKey: key,
    castAt: c.now,
    endedAt: null,
  });
  try {
    await em.insert(Ballot, ballot);
  } catch (err) {
    // The row lock above orders a household's members; the unique key is the schema's promise behind it.
    if (isUniqueViolation(err)) throw conflict('本户的选票刚刚被修改，请刷新后再试');
    throw err;
  }
  return { ballot, replaced: existing, matter };
}
