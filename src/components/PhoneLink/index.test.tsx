import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { click } from '../../test-utils';
import PhoneLink, { dialable } from './index';
import { dial as dialH5 } from './dial.h5';

beforeEach(() => jest.clearAllMocks());

describe('PhoneLink', () => {
  it('is a link named by what it reaches and the number, showing both', () => {
    render(<PhoneLink phone='0817-6221234' label='物业电话' />);
    const link = screen.getByRole('link', { name: '拨打 物业电话 0817-6221234' });
    expect(link.textContent).toBe('物业电话0817-6221234');
    // The button variant takes the app's .btn tap target (88 design px = 44 pt).
    expect(link.className).toContain('btn');
  });

  it('names whom it reaches when the visible label is only 电话', () => {
    render(<PhoneLink phone='0817-0000204' label='电话' who='管网疏通服务队' variant='inline' />);
    expect(screen.getByRole('link', { name: '拨打 管网疏通服务队 电话 0817-0000204' }).textContent).toBe('电话0817-0000204');
  });

  it('without a label is still named as a call', () => {
    render(<PhoneLink phone='0817-6221234' variant='inline' />);
    const link = screen.getByRole('link', { name: '拨打电话 0817-6221234' });
    expect(link.className).toContain('phone-link--inline');
  });

  it('dials the number on tap (the platform call sheet), without the spaces people type', async () => {
    const outer = jest.fn();
    render(
      <div onClick={outer}>
        <PhoneLink phone='0817 622 1234' label='中心电话' />
      </div>,
    );
    await click(screen.getByRole('link'));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '08176221234' });
    // A call button inside a tappable card does not also open the card.
    expect(outer).not.toHaveBeenCalled();
  });

  it('renders nothing for a number with no digits', () => {
    const { container } = render(<PhoneLink phone='暂无' label='物业电话' />);
    expect(container.textContent).toBe('');
    expect(dialable('+86 (0817) 622-1234')).toBe('+860817622-1234');
  });
});

describe('dial on H5', () => {
  it('hands tel: to a new browsing context and leaves the app window where it was', () => {
    const before = window.location.href;
    const clicked: HTMLAnchorElement[] = [];
    const spy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    dialH5('0817-6221234');
    spy.mockRestore();
    expect(clicked).toHaveLength(1);
    expect(clicked[0].getAttribute('href')).toBe('tel:0817-6221234');
    expect(clicked[0].target).toBe('_blank');
    expect(window.location.href).toBe(before);
    // Nothing is left behind in the page.
    expect(document.querySelector('a[href^="tel:"]')).toBeNull();
  });
});
