import { Image, View } from '@tarojs/components';
import type { PhotoDTO } from '@hg/types';
import { photoSrc } from '../../services/upload';
import { withDefaults } from '../defaults';
import './index.scss';

export interface PhotoStripProps {
  photos: PhotoDTO[];
  /** Alt text prefix: 「现场照片」 → 「现场照片1」. */
  label: string;
  /** Thumbnail display mode (Taro `Image` mode). */
  mode?: 'aspectFill' | 'aspectFit' | 'widthFix';
}

const defaults = { mode: 'aspectFill' } satisfies Partial<PhotoStripProps>;

/** Read-only thumbnails of a need's photos, each with alt text. */
export default function PhotoStrip(props: PhotoStripProps) {
  const { photos, label, mode } = withDefaults(props, defaults);
  if (!photos.length) return null;
  return (
    <View className='pstrip' role='list' aria-label={label}>
      {photos.map((p, i) => (
        <View key={p.fileId} role='listitem' className='pstrip__item'>
          <Image className='pstrip__img' src={photoSrc(p.url)} mode={mode} nativeProps={{ alt: `${label}${i + 1}` }} />
        </View>
      ))}
    </View>
  );
}
