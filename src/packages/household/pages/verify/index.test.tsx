import { render, screen } from '@testing-library/react';
import type { VerifyQueueItemDTO } from '@hg/types';
import { __storage } from '../../../../../test/mocks/taro';
import { households } from '../../../../services/households';
import { click, flush, typeInto } from '../../../../test-utils';
import VerifyPage from './index';

jest.mock('../../../../services/households');

function item(id: number, name: string): VerifyQueueItemDTO {
  return {
    id,
    householdId: 77,
    status: 'pending',
    statusLabel: '待审核',
    relation: 'tenant',
    compound: { id: 1, name: '锦屏小区' },
    building: { id: 11, name: '1栋' },
    unit: { id: 111, name: '1单元' },
    room: `${id}01`,
    address: `1栋1单元${id}01`,
    rejectReason: null,
    createdAt: '2025-03-01T08:30:00.000Z',
    verifiedAt: null,
    applicantName: name,
    applicantPhoneMasked: '199****0001',
  };
}

const queue = households.verifyQueue as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  queue.mockResolvedValue({ ok: true, data: { items: [item(1, '王建国'), item(2, '李桂兰')], nextCursor: null } });
});

describe('居民认证审核 queue', () => {
  it('lists pending applications with masked phones', async () => {
    render(<VerifyPage />);
    await flush();
    expect(queue).toHaveBeenCalledWith({ status: 'pending', limit: 20 });
    expect(screen.getByText('王建国')).toBeTruthy();
    expect(screen.getAllByText('手机：199****0001')).toHaveLength(2);
  });

  it('removes an item from the pending list once approved', async () => {
    (households.verify as jest.Mock).mockResolvedValue({ ok: true, data: { ...item(1, '王建国'), status: 'verified' } });
    render(<VerifyPage />);
    await flush();

    await click(screen.getByRole('button', { name: '通过 王建国' }));

    expect(households.verify).toHaveBeenCalledWith({ membershipId: 1, approve: true });
    expect(screen.queryByText('王建国')).toBeNull();
    expect(screen.getByText('李桂兰')).toBeTruthy();
  });

  it('asks for a reason before rejecting', async () => {
    (households.verify as jest.Mock).mockResolvedValue({ ok: true, data: { ...item(2, '李桂兰'), status: 'rejected' } });
    render(<VerifyPage />);
    await flush();

    await click(screen.getByRole('button', { name: '驳回 李桂兰' }));
    await click(screen.getByRole('button', { name: '确认驳回' }));
    expect(screen.getByRole('alert').textContent).toBe('驳回时请填写理由');
    expect(households.verify).not.toHaveBeenCalled();

    await typeInto(await screen.findByLabelText('驳回理由'), '房号与登记信息不符');
    await click(screen.getByRole('button', { name: '确认驳回' }));
    expect(households.verify).toHaveBeenCalledWith({ membershipId: 2, approve: false, reason: '房号与登记信息不符' });
    expect(screen.queryByText('李桂兰')).toBeNull();
  });

  it('keeps the item and shows the server message when the decision fails', async () => {
    (households.verify as jest.Mock).mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '该申请已被他人处理' },
    });
    render(<VerifyPage />);
    await flush();
    await click(screen.getByRole('button', { name: '通过 王建国' }));
    expect(screen.getByText('王建国')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('该申请已被他人处理');
  });

  it('loads the next page with the cursor', async () => {
    queue.mockResolvedValueOnce({ ok: true, data: { items: [item(1, '王建国')], nextCursor: 'c1' } });
    queue.mockResolvedValueOnce({ ok: true, data: { items: [item(3, '赵德明')], nextCursor: null } });
    render(<VerifyPage />);
    await flush();
    await click(screen.getByRole('button', { name: '加载更多' }));
    await flush();
    expect(queue).toHaveBeenLastCalledWith({ status: 'pending', limit: 20, cursor: 'c1' });
    expect(screen.getByText('赵德明')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });
});
