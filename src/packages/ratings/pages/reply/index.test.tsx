import { render, screen, within } from '@testing-library/react';
import { __setRouter } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { requestSubscribe } from '../../../../services/subscribe';
import { click, flush, typeInto } from '../../../../test-utils';
import { firmCard } from '../../test-fixtures';
import ReplyPage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');
jest.mock('../../../../services/subscribe');

const replyComment = ratings.replyComment as jest.Mock;

beforeEach(() => {
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/reply/index', { firmId: '9' });
  (ratings.firmCard as jest.Mock).mockResolvedValue({ ok: true, data: firmCard() });
});

async function renderPage() {
  render(<ReplyPage />);
  await flush();
  await screen.findByTestId('reply-box');
}

describe('评价反馈', () => {
  it('replies to one comment in place, asking consent in the tap, and shows the reply under it', async () => {
    const after = firmCard();
    after.comments[0].reply = { body: '已加派夜班保安', repliedAt: '2026-07-07T02:00:00.000Z', updatedAt: '2026-07-07T02:00:00.000Z' };
    replyComment.mockResolvedValue({ ok: true, data: after });
    await renderPage();
    const row = within(screen.getByTestId('feedback-101'));
    expect(screen.queryByTestId('feedback-reply-101')).toBeNull();
    await click(row.getByTestId('feedback-open-101'));
    await flush();
    await typeInto(await row.findByLabelText('回复这条评价'), '已加派夜班保安');
    await click(row.getByTestId('feedback-send-101'));
    await flush();
    expect(replyComment).toHaveBeenCalledWith({ ratingId: 101, body: '已加派夜班保安' });
    expect(requestSubscribe).toHaveBeenCalledWith(['rating_result', 'rating_task']);
    expect((requestSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeLessThan(replyComment.mock.invocationCallOrder[0]);
    expect(screen.getByTestId('feedback-reply-101').textContent).toContain('已加派夜班保安');
    expect(screen.getByTestId('feedback-done-101').textContent).toBe('回复已公开，评价人会收到通知');
  });

  it('changes an existing reply starting from its text, and shows how a door will read in public', async () => {
    await renderPage();
    const row = within(screen.getByTestId('feedback-102'));
    expect(screen.getByTestId('feedback-reply-102').textContent).toContain('已更换电梯控制板');
    await click(row.getByTestId('feedback-open-102'));
    await flush();
    const box = (await row.findByLabelText('修改对这条评价的回复')) as HTMLTextAreaElement;
    expect(box.value).toBe('已更换电梯控制板，报修两天内上门。');
    await typeInto(box, '3栋1单元101的电梯已修好');
    expect(screen.getByTestId('feedback-masked-102').textContent).toContain('【门牌已隐去】的电梯已修好');
    await click(row.getByTestId('feedback-cancel-102'));
    expect(row.queryByTestId('feedback-send-102')).toBeNull();
    expect(replyComment).not.toHaveBeenCalled();
  });

  it('an empty reply is refused on the field, nothing sent', async () => {
    await renderPage();
    const row = within(screen.getByTestId('feedback-101'));
    await click(row.getByTestId('feedback-open-101'));
    await flush();
    await click(row.getByTestId('feedback-send-101'));
    await flush();
    expect(replyComment).not.toHaveBeenCalled();
    expect(requestSubscribe).not.toHaveBeenCalled();
  });
});
