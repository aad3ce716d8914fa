import { useEffect, useRef, useState } from 'react';
import { Image, View } from '@tarojs/components';
import { previewNatively } from '../../services/upload';
import { FOCUSABLE } from '../a11y';
import './index.scss';

export interface PhotoViewerProps {
  /** Display URLs (already through `photoSrc`). */
  urls: string[];
  /** Alt text prefix: 「现场照片」 → 「现场照片2」. */
  label: string;
  /** The photo shown; null = closed. */
  index: number | null;
  onIndex: (index: number | null) => void;
}

/**
 * Full-size photo overlay for H5, where Taro's previewImage has no close button, no Esc and no
 * names for a screen reader. A modal dialog: 关闭 (focused on open, focus goes back to the
 * thumbnail after), Tab kept inside, Esc, ← →, and 上一张 / 下一张 when there are several; every
 * target 44 px.
 */
export default function PhotoViewer({ urls, label, index, onIndex }: PhotoViewerProps) {
  const opener = useRef<Element | null>(null);
  const open = index !== null && index >= 0 && index < urls.length;

  useEffect(() => {
    if (!open || typeof document === 'undefined') return undefined;
    opener.current = document.activeElement;
    const focusClose = setTimeout(() => (document.getElementById('photo-viewer-close') as HTMLElement | null)?.focus(), 0);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') {
        // A modal keeps keyboard focus inside: Tab and Shift+Tab cycle over the viewer's buttons.
        const buttons = Array.from(document.querySelectorAll<HTMLElement>('.pviewer [role="button"]'));
        if (!buttons.length) return;
        const at = buttons.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (at <= 0 ? buttons.length - 1 : at - 1) : at === -1 || at === buttons.length - 1 ? 0 : at + 1;
        e.preventDefault();
        buttons[next].focus();
      } else if (e.key === 'Escape') onIndex(null);
      else if (e.key === 'ArrowRight' && urls.length > 1) onIndex(((index as number) + 1) % urls.length);
      else if (e.key === 'ArrowLeft' && urls.length > 1) onIndex(((index as number) - 1 + urls.length) % urls.length);
      else if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement | null)?.closest?.('.pviewer [role="button"]')) {
        e.preventDefault();
        (e.target as HTMLElement).click();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(focusClose);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, index, urls.length]);

  // Focus back to what opened the viewer once it closes.
  useEffect(() => {
    if (open || !opener.current) return;
    (opener.current as HTMLElement).focus?.();
    opener.current = null;
  }, [open]);

  if (!open) return null;
  const i = index as number;
  const many = urls.length > 1;
  return (
    <View className='pviewer' role='dialog' aria-modal='true' aria-label={`${label}${i + 1}，共${urls.length}张`} data-testid='photo-viewer'>
      <View className='pviewer__bar'>
        <View className='pviewer__count' aria-hidden='true'>
          {i + 1}/{urls.length}
        </View>
        <View
          id='photo-viewer-close'
          className='pviewer__btn'
          role='button'
          {...FOCUSABLE}
          aria-label='关闭照片'
          data-testid='photo-viewer-close'
          onClick={() => onIndex(null)}
        >
          关闭
        </View>
      </View>
      <View className='pviewer__stage' onClick={() => onIndex(null)}>
        <Image className='pviewer__img' src={urls[i]} mode='aspectFit' nativeProps={{ alt: `${label}${i + 1}` }} />
      </View>
      {many ? (
        <View className='pviewer__nav'>
          <View className='pviewer__btn' role='button' {...FOCUSABLE} onClick={() => onIndex((i - 1 + urls.length) % urls.length)}>
            上一张
          </View>
          <View className='pviewer__btn' role='button' {...FOCUSABLE} onClick={() => onIndex((i + 1) % urls.length)}>
            下一张
          </View>
        </View>
      ) : null}
    </View>
  );
}

/**
 * Tap a thumbnail → its photo full size: the platform's viewer where there is a good one (weapp
 * `previewImage`), else this overlay. Returns `open(i)` for the thumbnails and the overlay element.
 */
export function usePhotoViewer(urls: string[], label: string) {
  const [index, setIndex] = useState<number | null>(null);
  const open = (i: number) => {
    if (!previewNatively(urls, i)) setIndex(i);
  };
  const viewer = <PhotoViewer urls={urls} label={label} index={index} onIndex={setIndex} />;
  return { open, viewer };
}
