import { render, screen } from '@testing-library/react';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { click, flush, typeInto } from '../../../../test-utils';
import { activity, hours, profile } from '../../test-fixtures';
import ActivitiesPage from './index';

jest.mock('../../../../services/party');
jest.mock('../../../../services/me');

beforeEach(() => {
  jest.clearAllMocks();
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile('member') });
});

describe('党群活动', () => {
  it('signs a member up and shows the check-in code', async () => {
    (party.activities as jest.Mock)
      .mockResolvedValueOnce({ ok: true, data: [activity()] })
      .mockResolvedValue({ ok: true, data: [activity({ taken: 5, mine: { bookingId: 70, status: 'booked', code: 'K7M3QX' }, can: { signUp: false, run: false } })] });
    (party.signUp as jest.Mock).mockResolvedValue({ ok: true, data: activity() });
    render(<ActivitiesPage />);
    await flush();
    expect(screen.getByTestId('activity-seats-3').textContent).toBe('已报名 4 / 20 人');
    await click(screen.getByTestId('activity-signup-3'));
    await flush();
    expect((party.signUp as jest.Mock).mock.calls[0][0]).toMatchObject({ activityId: 3 });
    expect(screen.getByTestId('activity-code-3').textContent).toBe('已报名 · 签到码 K7M3QX');
    expect(screen.queryByTestId('activity-signup-3')).toBeNull();
  });

  it('shows the refusal when the activity is full', async () => {
    (party.activities as jest.Mock).mockResolvedValue({ ok: true, data: [activity()] });
    (party.signUp as jest.Mock).mockResolvedValue({ ok: false, error: { code: 'CAPACITY_FULL', message: '名额已满，这个时段不排队候补' } });
    render(<ActivitiesPage />);
    await flush();
    await click(screen.getByTestId('activity-signup-3'));
    await flush();
    expect(screen.getByTestId('activity-error-3').textContent).toBe('名额已满，这个时段不排队候补');
  });

  it('lets the branch publish an activity for its community, and shows the server’s refusal above the button', async () => {
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile('staff') });
    (party.activities as jest.Mock).mockResolvedValue({ ok: true, data: [] });
    (party.publishActivity as jest.Mock)
      .mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: '截止时间已过', details: { field: 'cutoffAt' } } })
      .mockResolvedValue({ ok: true, data: activity() });
    render(<ActivitiesPage />);
    await flush();
    expect(party.activities).toHaveBeenCalledWith({ communityId: 1 });
    await click(screen.getByTestId('publish-submit'));
    expect(party.publishActivity).not.toHaveBeenCalled();
    await typeInto(await screen.findByLabelText('活动名称'), '政策宣传进楼栋');
    await typeInto(await screen.findByLabelText('活动地点'), '南街社区党群服务中心');
    await click(screen.getByTestId('publish-submit'));
    await flush();
    const sent = (party.publishActivity as jest.Mock).mock.calls[0][0];
    expect(sent).toMatchObject({ communityId: 1, title: '政策宣传进楼栋', place: '南街社区党群服务中心', capacity: 20 });
    expect(sent.startsAt).toMatch(/T09:00:00\+08:00$/);
    expect(sent.endsAt).toMatch(/T11:00:00\+08:00$/);
    expect(screen.getByTestId('publish-error').textContent).toBe('截止时间已过');
    await click(screen.getByTestId('publish-submit'));
    await flush();
    expect(party.publishActivity).toHaveBeenCalledTimes(2);
    expect(party.activities).toHaveBeenCalledTimes(2);
  });

  it('lets the organiser check a member in and out by code', async () => {
    (party.activities as jest.Mock).mockResolvedValue({ ok: true, data: [activity({ can: { signUp: false, run: true } })] });
    (party.checkIn as jest.Mock).mockResolvedValue({ ok: true, data: hours({ status: 'open', hours: null, minutes: null }) });
    (party.checkOut as jest.Mock).mockResolvedValue({ ok: true, data: hours({ hours: 1.5, minutes: 90 }) });
    render(<ActivitiesPage />);
    await flush();
    await click(screen.getByTestId('attend-in-3'));
    expect(screen.getByTestId('attend-line-3').textContent).toBe('请输入党员出示的签到码');
    await typeInto(await screen.findByLabelText('签到码'), 'k7m3qx');
    await click(screen.getByTestId('attend-in-3'));
    await flush();
    expect(party.checkIn).toHaveBeenCalledWith({ activityId: 3, code: 'k7m3qx' });
    expect(screen.getByTestId('attend-line-3').textContent).toBe('周卫东 已签到');
    await typeInto(await screen.findByLabelText('签到码'), 'K7M3QX');
    await click(screen.getByTestId('attend-out-3'));
    await flush();
    expect(screen.getByTestId('attend-line-3').textContent).toBe('周卫东 已签退，1.5 小时待认定');
  });
});
