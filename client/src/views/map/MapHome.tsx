import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { useTranslation } from 'react-i18next';

const svg = 'http://www.w3.org/2000/svg';

/** Four corner brackets: "frame everything", drawn without markup strings. */
function frameIcon(): SVGSVGElement {
  const icon = document.createElementNS(svg, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '18');
  icon.setAttribute('height', '18');
  icon.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svg, 'path');
  path.setAttribute('d', 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '2.5');
  icon.append(path);
  return icon;
}

/**
 * A button under the zoom buttons that brings the map back to the whole city after an officer has
 * panned and zoomed into a corridor. Rendered after MapZoom, so Leaflet stacks it below.
 */
export function MapHome({ center, zoom }: { center: L.LatLngExpression; zoom: number }) {
  const map = useMap();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  useEffect(() => {
    const control = new L.Control({ position: language === 'ar' ? 'topright' : 'topleft' });
    control.onAdd = () => {
      const bar = L.DomUtil.create('div', 'leaflet-bar leaflet-control');
      // Leaflet's own zoom buttons are links with role=button; this one matches them.
      const button = L.DomUtil.create('a', 'map-home', bar);
      button.href = '#';
      button.setAttribute('role', 'button');
      button.title = t('map.home');
      button.setAttribute('aria-label', t('map.home'));
      button.dataset.testid = 'map-home';
      button.append(frameIcon());
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(button, 'click', (event) => {
        L.DomEvent.preventDefault(event);
        map.setView(center, zoom);
      });
      return bar;
    };
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, language, t, center, zoom]);
  return null;
}
