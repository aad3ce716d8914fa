import { act, cleanup, render, screen, within } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { needs } from '../../../../services/needs';
import { click, flush, typeInto } from '../../../../test-utils';
import { detail } from '../../test-fixtures';
import NeedDetailPage from './index';

jest.mock('../../../../services/needs');
// The recorder itself is proved per platform (src/hooks); here it hands over a 2-second clip.
const voiceUpload = jest.fn();
jest.mock('../../../../hooks/useRecorder', () => {
  const core = jest.requireActual('../../../../hooks/useRecorder.core');
  const engine = { start: async () => undefined, stop: async () => ({ durationSec: 2, upload: voiceUpload }), cancel: () => undefined };
  return { ...core, useRecorder: (onClip: (c: unknown) => void) => core.useRecorderWith(() => engine, onClip) };
});

const get = needs.get as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/needs/pages/detail/index', { id: '42' });
});

async function renderWith(need: ReturnType<typeof detail>) {
  get.mockResolvedValue({ ok: true, data: need });
  render(<NeedDetailPage />);
  await flush();
  await screen.findByTestId('need-detail');
}

const buttonNames = () =>
  within(screen.queryByTestId('need-actions') ?? document.createElement('div'))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('需求详情', () => {
  it('shows the facts, the masked phone and the timeline', async () => {
    await renderWith(detail(42, { level: 'compound', levelLabel: '小区', overdue: true }));
    expect(get).toHaveBeenCalledWith({ needId: 42 });
    expect(screen.getByTestId('need-description').textContent).toBe('厨房下水道堵了，水排不下去');
    expect(screen.getByTestId('need-level').textContent).toBe('升级至小区');
    expect(screen.getByTestId('need-overdue').textContent).toBe('已超时');
    expect(screen.getByTestId('need-reporter').textContent).toContain('100****0001');
    expect(within(screen.getByTestId('need-timeline')).getByText('居民点单')).toBeTruthy();
  });

  it('tells a head whose rung the need has not reached who holds it and when it climbs, in Beijing time', async () => {
    // 2030-03-05 04:00 UTC is 12:00 in Beijing.
    const awaitingRung = { holder: '楼栋长', next: 'compound' as const, nextLabel: '小区', escalatesAt: '2030-03-05T04:00:00.000Z' };
    await renderWith(detail(42, { status: 'submitted', can: ['comment'], reporting: false, awaitingRung }));
    const note = screen.getByTestId('need-awaiting-rung');
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain('楼栋长处理中，超时后升级至小区');
    expect(screen.getByTestId('need-awaiting-rung-at').textContent).toBe('如仍未处理，将于 2030年3月5日 12:00 升级至小区，届时由您派单、转单或督办。');
    cleanup();
    // Past its time, the timer has not run yet; on hold, the clock stops.
    await renderWith(detail(42, { status: 'submitted', awaitingRung: { ...awaitingRung, escalatesAt: '2020-01-01T00:00:00.000Z' } }));
    expect(screen.getByTestId('need-awaiting-rung-at').textContent).toContain('已超时，将在下一次定时检查时升级至小区');
    cleanup();
    await renderWith(detail(42, { status: 'on_hold', awaitingRung: { ...awaitingRung, escalatesAt: null } }));
    expect(screen.getByTestId('need-awaiting-rung-at').textContent).toContain('挂起期间不计时');
    cleanup();
    // Everyone else: no such note.
    await renderWith(detail(42));
    expect(screen.queryByTestId('need-awaiting-rung')).toBeNull();
  });

  it('shows the expected response time from filing, and 催办 stands out only once it is overdue', async () => {
    await renderWith(detail(42, { status: 'submitted', acceptDueAt: '2030-03-05T04:00:00.000Z', overdue: false, can: ['urge', 'cancel', 'comment'] }));
    expect(screen.getByTestId('need-accept-due').textContent).toContain('前');
    const urge = () => screen.getByRole('button', { name: '催办' });
    expect(urge().className).not.toContain('btn--primary');
    cleanup();
    await renderWith(detail(42, { status: 'submitted', acceptDueAt: '2030-03-05T04:00:00.000Z', overdue: true, can: ['urge', 'cancel', 'comment'] }));
    expect(screen.getByTestId('need-accept-due').textContent).toContain('已超时');
    expect(urge().className).toContain('btn--primary');
  });

  it('a head pressing the receiver sees 督办, not the 催办 of a resident and its hint', async () => {
    await renderWith(
      detail(42, { status: 'dispatched', reporting: false, overdue: true, acceptDueAt: '2030-03-05T04:00:00.000Z', can: ['transfer', 'urge', 'comment'] }),
    );
    expect(buttonNames()).toEqual(['转单', '督办']);
    expect(screen.getByTestId('need-accept-due').textContent).not.toContain('催办');
  });

  it('renders action buttons only from `can`', async () => {
    await renderWith(detail(42, { can: ['urge', 'cancel', 'comment'] }));
    expect(buttonNames()).toEqual(['催办', '撤销']);
    expect(screen.queryByRole('button', { name: '接单' })).toBeNull();
    expect(screen.queryByRole('button', { name: '评价' })).toBeNull();
    expect(await screen.findByLabelText('回复')).toBeTruthy();
  });

  it('shows no actions and no reply box when `can` is empty', async () => {
    await renderWith(detail(42, { can: [] }));
    expect(screen.queryByTestId('need-actions')).toBeNull();
    expect(screen.queryByTestId('comment-send')).toBeNull();
  });

  it('shows receiver buttons for a receiver and the full phone when the DTO gives it', async () => {
    await renderWith(
      detail(42, {
        status: 'dispatched',
        can: ['accept', 'decline', 'comment'],
        reporter: { name: '王秀兰', phone: '10000000001', phoneMasked: '100****0001' },
      }),
    );
    expect(buttonNames()).toEqual(['接单', '退单']);
    expect(screen.getByTestId('need-reporter').textContent).toContain('10000000001');
  });

  it('rates with the chosen stars and replaces the view with the answer', async () => {
    (needs.rate as jest.Mock).mockResolvedValue({ ok: true, data: detail(42, { status: 'closed', statusLabel: '已评单', rating: 4, can: [] }) });
    await renderWith(detail(42, { status: 'resolved', statusLabel: '已办结', can: ['rate', 'reopen'] }));

    await click(screen.getByRole('button', { name: '评价' }));
    await click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByRole('alert').textContent).toBe('请选择评分');
    expect(needs.rate).not.toHaveBeenCalled();

    await click(screen.getByRole('radio', { name: '4星' }));
    await typeInto(await screen.findByLabelText('评价内容（选填）'), '师傅很负责');
    await click(screen.getByRole('button', { name: '提交评价' }));
    await flush();

    expect(needs.rate).toHaveBeenCalledWith({ needId: 42, stars: 4, comment: '师傅很负责' });
    expect(screen.getByTestId('need-status').textContent).toBe('已评单');
    expect(screen.queryByTestId('need-actions')).toBeNull();
  });

  it('shows a CONFLICT message and re-reads the need', async () => {
    (needs.claim as jest.Mock).mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '已被其他党员认领' } });
    await renderWith(detail(42, { status: 'open_for_claim', can: ['claim'] }));
    get.mockResolvedValue({ ok: true, data: detail(42, { status: 'accepted', statusLabel: '已接单', can: [] }) });

    await click(screen.getByRole('button', { name: '认领' }));
    await flush();

    expect(needs.claim).toHaveBeenCalledWith({ needId: 42 });
    expect(screen.getByTestId('action-error').textContent).toBe('已被其他党员认领');
    expect(get).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('need-status').textContent).toBe('已接单');
    expect(screen.queryByRole('button', { name: '认领' })).toBeNull();
  });

  it('shows a RATE_LIMITED message from 催办', async () => {
    (needs.urge as jest.Mock).mockResolvedValue({ ok: false, error: { code: 'RATE_LIMITED', message: '5分钟内只能催办一次' } });
    await renderWith(detail(42, { can: ['urge'] }));
    await click(screen.getByRole('button', { name: '催办' }));
    expect(screen.getByTestId('action-error').textContent).toBe('5分钟内只能催办一次');
  });

  it('dispatches to a receiver picked from needs.receivers', async () => {
    (needs.receivers as jest.Mock).mockResolvedValue({
      ok: true,
      data: [
        { kind: 'org', id: 3, name: '管网疏通服务队', kindLabel: '专业服务队' },
        { kind: 'user', id: 8, name: '周卫东', kindLabel: '党员' },
      ],
    });
    // 派单 answers small; the page reads the detail afresh.
    (needs.dispatch as jest.Mock).mockResolvedValue({ ok: true, data: { id: 42, status: 'dispatched', statusLabel: '已派单', updatedAt: '2025-03-01T09:00:00.000Z' } });
    await renderWith(detail(42, { can: ['dispatch', 'publish', 'reject', 'merge'] }));
    get.mockResolvedValue({ ok: true, data: detail(42, { status: 'dispatched', statusLabel: '已派单', can: ['transfer'] }) });
    expect(buttonNames()).toEqual(['派单', '发布认领', '不予受理', '合并']);

    await click(screen.getByRole('button', { name: '派单' }));
    await flush();
    await click(screen.getByRole('radio', { name: '管网疏通服务队（专业服务队）' }));
    await click(screen.getByRole('button', { name: '确认派单' }));
    await flush();
    expect(needs.dispatch).toHaveBeenCalledWith({ needId: 42, orgId: 3 });
    expect(get).toHaveBeenLastCalledWith({ needId: 42 });
    expect(screen.getByTestId('need-status').textContent).toBe('已派单');
    expect(buttonNames()).toEqual(['转单']);
  });

  it('posts a reply to the thread', async () => {
    (needs.comment as jest.Mock).mockResolvedValue({
      ok: true,
      data: detail(42, {
        can: ['comment'],
        comments: [{ id: 5, author: '王秀兰', side: 'resident', body: '请上午来', voiceNote: null, mine: true, createdAt: '2025-03-01T09:00:00.000Z' }],
      }),
    });
    await renderWith(detail(42, { can: ['comment'] }));
    await typeInto(await screen.findByLabelText('回复'), '请上午来');
    await click(screen.getByTestId('comment-send'));
    await flush();
    expect(needs.comment).toHaveBeenCalledWith({ needId: 42, body: '请上午来' });
    expect(screen.getByTestId('comment-5').className).toContain('nd__msg--mine');
  });
  it('plays a need spoken by the resident and voice comments, and sends a voice-only reply', async () => {
    const note = { fileId: `local/${'b'.repeat(64)}.wav`, url: `/uploads/${'b'.repeat(64)}.wav`, durationSec: 2 };
    (needs.comment as jest.Mock).mockResolvedValue({
      ok: true,
      data: detail(42, {
        can: ['comment'],
        comments: [{ id: 6, author: '王秀兰', side: 'resident', body: '', voiceNote: note, mine: true, createdAt: '2025-03-01T09:00:00.000Z' }],
      }),
    });
    voiceUpload.mockResolvedValue({ ok: true, data: note });
    await renderWith(detail(42, { can: ['comment'], description: '', voiceNote: { ...note, durationSec: 9 } }));
    expect(screen.queryByTestId('need-description')).toBeNull();
    expect(screen.getByTestId('need-voice-toggle').textContent).toContain('播放居民语音');
    expect(screen.getByTestId('need-voice-time').textContent).toBe('0:09');

    const hold = screen.getByTestId('comment-voice-hold');
    await click(screen.getByTestId('comment-send'));
    expect(screen.getByText('请填写留言，或按住录一段语音')).toBeTruthy();
    await act(async () => {
      hold.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, touches: [] }));
    });
    await act(async () => {
      hold.dispatchEvent(new TouchEvent('touchend', { bubbles: true }));
    });
    await flush();
    await click(screen.getByTestId('comment-send'));
    await flush();
    expect(needs.comment).toHaveBeenCalledWith({ needId: 42, voiceNote: { fileId: note.fileId, durationSec: 2 } });
    expect(screen.getByTestId('comment-6-voice-time').textContent).toBe('0:02');
  });

  it('shows who is coming with a call button, and local times', async () => {
    await renderWith(
      detail(42, {
        status: 'accepted',
        statusLabel: '已接单',
        createdAt: '2026-11-28T06:05:00.000Z',
        handler: { name: '管网疏通服务队', kindLabel: '专业服务队', person: '何勇', phone: '10000000022' },
      }),
    );
    expect(screen.getByTestId('need-receiver').textContent).toBe('接单方管网疏通服务队（专业服务队）');
    expect(screen.getByTestId('need-handler-person').textContent).toContain('何勇');
    expect(screen.getByRole('link', { name: '拨打 联系何勇 10000000022' })).toBeTruthy();
    // Beijing time whatever the test machine's zone: 06:05 UTC is 14:05.
    expect(screen.getByText(/11月28日 14:05/)).toBeTruthy();
    cleanup();
    await renderWith(detail(42, { status: 'resolved', handler: { name: '管网疏通服务队', kindLabel: '专业服务队', person: '何勇', phone: null } }));
    expect(screen.queryByTestId('need-handler-call')).toBeNull();
    expect(screen.getByTestId('need-handler-person').textContent).toContain('何勇');
  });

  it('tells a follower why they see the need and lists the merged duplicates, linking only readable ones', async () => {
    await renderWith(
      detail(42, {
        following: true,
        mergedFrom: [
          { id: 7, excerpt: '楼道漏水', linkable: true },
          { id: 9, excerpt: null, linkable: false },
        ],
      }),
    );
    expect(screen.getByTestId('need-following').textContent).toContain('已合并到这里办理');
    const merged = within(screen.getByTestId('need-merged-from'));
    expect(merged.getByRole('link').textContent).toBe('#7 楼道漏水');
    expect(screen.getByTestId('merged-9').textContent).toBe('#9 其他居民反映的相同问题');
  });
});
