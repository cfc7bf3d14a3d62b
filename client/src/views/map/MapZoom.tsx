import { ZoomControl } from 'react-leaflet';
import { useTranslation } from 'react-i18next';

/**
 * Leaflet's zoom buttons on the reading side's start: top-right in Arabic, top-left in English,
 * with translated titles. Keyed by language because Leaflet reads the titles only once.
 */
export function MapZoom() {
  // i18n's language, not the store's: the titles must be re-read after i18next has switched.
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <ZoomControl
      key={language}
      position={language === 'ar' ? 'topright' : 'topleft'}
      zoomInTitle={t('map.zoomIn')}
      zoomOutTitle={t('map.zoomOut')}
    />
  );
}
