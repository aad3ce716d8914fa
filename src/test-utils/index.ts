import { act, fireEvent } from '@testing-library/react';

/** Lets stencil render the H5 components and pending promises settle. */
export async function flush(ms = 20): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, ms));
  });
}

/** Types into the real `<input>` Taro renders inside `taro-input-core` (found by its aria-label). */
export async function typeInto(input: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
  await flush(0);
}
