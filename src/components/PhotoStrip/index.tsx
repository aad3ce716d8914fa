import { Image, View } from '@tarojs/components';
import type { PhotoDTO } from '@hg/types';
import { photoSrc } from '../../services/upload';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import { usePhotoViewer } from '../PhotoViewer';
import './index.scss';

export interface PhotoStripProps {
  photos: PhotoDTO[];
  /** Alt text prefix: 「现场照片」 → 「现场照片1」. */
  label: string;
  /** Thumbnail display mode (Taro `Image` mode). */
  mode?: 'aspectFill' | 'aspectFit' | 'widthFix';
}

const defaults = { mode: 'aspectFill' } satisfies Partial<PhotoStripProps>;

/** Read-only thumbnails of a need's photos, each with alt text; a tap opens it full size. */
export default function PhotoStrip(props: PhotoStripProps) {
  const { photos, label, mode } = withDefaults(props, defaults);
  const urls = photos.map((p) => photoSrc(p.url));
  const { open, viewer } = usePhotoViewer(urls, label);
  if (!photos.length) return null;
  return (
    <>
      <View className='pstrip' role='list' aria-label={label}>
        {photos.map((p, i) => (
          <View key={p.fileId} role='listitem' className='pstrip__item'>
            <View className='pstrip__open' role='button' {...FOCUSABLE} aria-label={`查看${label}${i + 1}大图`} onClick={() => open(i)}>
              <Image className='pstrip__img' src={urls[i]} mode={mode} nativeProps={{ alt: `${label}${i + 1}` }} />
            </View>
          </View>
        ))}
      </View>
      {viewer}
    </>
  );
}
