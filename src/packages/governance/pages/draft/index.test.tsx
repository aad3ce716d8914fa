import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { deliberation } from '../../../../services/deliberation';
import { click, flush, typeInto } from '../../../../test-utils';
import { matter } from '../../test-fixtures';
import DraftPage from './index';

jest.mock('../../../../services/deliberation');
jest.mock('../../../../services/community');

beforeEach(() => {
  jest.clearAllMocks();
  (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: [{ id: 11, name: '1栋', code: 'NJJP0101', units: [] }] });
});

describe('制定方案', () => {
  it('drafts a matter for one building, with the options as written, and opens it', async () => {
    __setRouter('/packages/governance/pages/draft/index', { compoundId: '1' });
    (deliberation.create as jest.Mock).mockResolvedValue({ ok: true, data: matter({ id: 9, status: 'draft' }) });
    render(<DraftPage />);
    await flush();
    await typeInto(await screen.findByLabelText('议题标题'), '1栋楼顶防水');
    await typeInto(screen.getByLabelText(/^方案内容/), '1栋楼顶渗水，拟用维修资金做防水。');
    await click(screen.getByTestId('option-add'));
    await flush();
    await typeInto(await screen.findByLabelText('选项 3'), '弃权');
    await click(screen.getByText('1栋'));
    await click(screen.getByTestId('draft-save'));
    await flush();
    expect(deliberation.create).toHaveBeenCalledWith({
      title: '1栋楼顶防水',
      text: '1栋楼顶渗水，拟用维修资金做防水。',
      options: ['同意', '不同意', '弃权'],
      scopeLevel: 'building',
      scopeId: 11,
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/governance/pages/matter/index?id=9' });
  });

  it('a published matter is changed only as a new version: the old ballots are void, a new window and a reason are needed', async () => {
    __setRouter('/packages/governance/pages/draft/index', { id: '7' });
    (deliberation.get as jest.Mock).mockResolvedValue({ ok: true, data: matter({ can: ['revise', 'withdraw'] }) });
    (deliberation.revise as jest.Mock).mockResolvedValue({ ok: true, data: matter({ status: 'notice', version: 2 }) });
    render(<DraftPage />);
    await flush();
    expect((await screen.findByTestId('revise-warning')).textContent).toContain('第1版已投的票全部作废');
    await click(screen.getByTestId('draft-save'));
    await flush();
    expect(deliberation.revise).not.toHaveBeenCalled();
    expect(screen.getByText('请填写修改原因')).toBeTruthy();
    await typeInto(screen.getByLabelText(/^修改原因/), '快递柜位置改到北门');
    await click(screen.getByTestId('draft-save'));
    await flush();
    const sent = (deliberation.revise as jest.Mock).mock.calls[0][0];
    expect(sent).toMatchObject({ matterId: 7, title: '小区东门增设智能快递柜', options: ['同意安装', '不同意安装'], reason: '快递柜位置改到北门' });
    expect(Date.parse(sent.opensAt) - Date.now()).toBeGreaterThanOrEqual(3 * 24 * 3600_000);
  });
});
