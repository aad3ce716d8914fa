import crypto from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { ErrorCode, type ActionInput, type ActionName, type ActionOutput, type Envelope, type FunctionName } from '@hg/types';
import { getDataSource, runInTransaction } from './data-source';
import { AppError } from './errors';
import { kernel } from './kernel';
import type { Platform } from './platform';

/**
 * The caller of an action. Core knows only the user id; the identity module completes this
 * interface (declaration merging in modules/identity/actor.ts) with roles, name and phone.
 */
export interface Actor {
  userId: number;
}

/**
 * The longest openid a platform issues that a user row can hold (`users.openid` is varchar(64);
 * WeChat's are 28 characters). A longer one is never handed to the actor resolver.
 */
export const OPENID_MAX = 64;

/** The trusted identity of a call: OPENID from WeChat's context, or the gateway's verified token. */
export interface Identity {
  openid: string | null;
  /** A platform trigger (WeChat timer, the gateway's interval), never an HTTP caller. */
  system?: boolean;
}

interface BaseContext {
  ds: DataSource;
  /** True only for platform triggers (timers); see Identity.system. */
  system: boolean;
  platform: Platform;
  /** Run writes in one transaction (serialised on SQLite, pooled on MySQL). */
  tx<T>(work: (em: EntityManager) => Promise<T>): Promise<T>;
}
export interface ActionContext extends BaseContext {
  actor: Actor;
}
export interface PublicActionContext extends BaseContext {
  actor: Actor | null;
}

type Schema = z.ZodType;

export interface ActionDef<S extends Schema = Schema, O = unknown> {
  input: S;
  /** 'required' (default): anonymous calls get UNAUTHENTICATED. 'optional': public information. */
  auth: 'required' | 'optional';
  handler: (input: z.infer<S>, ctx: ActionContext | PublicActionContext) => Promise<O>;
}

export type ActionTable = Record<string, ActionDef>;

/**
 * The action table of function `F` exactly as the `Api` catalogue in types/api.ts describes it:
 * `export const needActions = { … } satisfies ActionTableFor<'needs'>` fails to type-check when an
 * action is missing, extra, or takes or returns another shape than the catalogue says.
 */
export type ActionTableFor<F extends FunctionName> = {
  [A in ActionName<F>]: ActionDef<z.ZodType<ActionInput<F, A>>, ActionOutput<F, A>>;
};

/** Declare an action that needs a signed-in actor. */
export function defineAction<S extends Schema, O>(def: { input: S; handler: (input: z.infer<S>, ctx: ActionContext) => Promise<O> }): ActionDef<S, O> {
  return { input: def.input, auth: 'required', handler: def.handler as ActionDef<S, O>['handler'] };
}

/** Declare an action anyone may call (public compound information). */
export function definePublicAction<S extends Schema, O>(def: {
  input: S;
  handler: (input: z.infer<S>, ctx: PublicActionContext) => Promise<O>;
}): ActionDef<S, O> {
  return { input: def.input, auth: 'optional', handler: def.handler };
}

/** Fields the platform adds to every event; they are never part of an action's input. */
const PLATFORM_FIELDS = new Set(['action', 'userInfo']);

/**
 * The action an event names, or an AppError when the event is not an action call at all (not an
 * object, no action, an action the function does not have). The gateway calls it before
 * `runAction` to tell a malformed request (an HTTP error) from an action's answer.
 */
export function actionOf(table: ActionTable, event: unknown): ActionTable[string] {
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    throw new AppError(ErrorCode.INVALID_INPUT, '请求格式错误', { field: 'action' });
  }
  const { action } = event as { action?: unknown };
  if (typeof action !== 'string' || action.length === 0) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'action: 缺少要调用的操作', { field: 'action' });
  }
  const def = Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined;
  if (!def) throw new AppError(ErrorCode.NOT_FOUND, `未知的操作：${action.slice(0, 40)}`, { action: action.slice(0, 40) });
  return def;
}

/**
 * The one path from an event to an envelope: find the action → validate the input → resolve the
 * actor → run the handler (policies inside) → envelope. This is the only place errors are mapped.
 */
export async function runAction(table: ActionTable, event: unknown, identity: Identity, platform: Platform): Promise<Envelope<unknown>> {
  try {
    const def = actionOf(table, event);

    const payload: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(event as object)) if (!PLATFORM_FIELDS.has(k)) payload[k] = v;
    const parsed = def.input.safeParse(payload);
    if (!parsed.success) throw zodToAppError(parsed.error);

    const ds = await getDataSource();
    let actor: Actor | null = null;
    if (identity.openid && identity.openid.length > OPENID_MAX) throw new AppError(ErrorCode.UNAUTHENTICATED, '登录信息无效，请重新登录');
    if (identity.openid) actor = await kernel().resolveActor(ds.manager, identity.openid);
    else if (def.auth === 'required') throw new AppError(ErrorCode.UNAUTHENTICATED, '请先登录');

    const ctx = { ds, platform, actor, system: identity.system === true, tx: <T>(work: (em: EntityManager) => Promise<T>) => runInTransaction(ds, work) };
    const data = await def.handler(parsed.data, ctx as ActionContext);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: toEnvelopeError(err) };
  }
}

function zodToAppError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  let field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') field = [field, issue.keys[0]].filter(Boolean).join('.');
  field = field || 'input';
  const message = issue.code === 'unrecognized_keys' ? '不支持的字段' : issue.message;
  return new AppError(ErrorCode.INVALID_INPUT, `${field}: ${message}`, { field });
}

function toEnvelopeError(err: unknown) {
  if (err instanceof AppError) return err.toApiError();
  // Unknown failures are logged with a reference the user can quote; the client learns nothing else.
  const ref = crypto.randomBytes(4).toString('hex');
  console.error(`[INTERNAL ${ref}]`, err);
  return { code: ErrorCode.INTERNAL, message: `服务暂时不可用，请稍后再试（编号 ${ref}）`, details: { ref } };
}
