/** How each ACLED event type is drawn, in the map and in the legend and list alike. */
export interface TypeSymbol {
  color: string;
  shape: 'circle' | 'square' | 'diamond' | 'triangle';
  label: string;
}

export const TYPE_SYMBOLS: Record<string, TypeSymbol> = {
  'Explosions/Remote violence': { color: '#d35400', shape: 'diamond', label: 'Explosion / drone strike' },
  Battles: { color: '#b0202f', shape: 'square', label: 'Armed clash / battle' },
  'Violence against civilians': { color: '#6c3483', shape: 'circle', label: 'Attack on civilians' },
  'Strategic developments': { color: '#34495e', shape: 'triangle', label: 'Strategic development' },
};

export const OTHER_SYMBOL: TypeSymbol = { color: '#555f6b', shape: 'circle', label: 'Other' };

export function symbolFor(eventType: string): TypeSymbol {
  return TYPE_SYMBOLS[eventType] ?? OTHER_SYMBOL;
}

/** Marker size in px grows with the square root of the people killed or injured (area ∝ casualties). */
export function markerSize(fatalities: number | null, injured: number | null): number {
  const n = (fatalities ?? 0) + (injured ?? 0);
  return Math.round(Math.min(40, 14 + 6 * Math.sqrt(n)));
}

/** An inline SVG of the symbol, shared by markers, list and legend; `vague` (only a region or border area known) is hollow and dashed. */
export function symbolSvg(s: TypeSymbol, size: number, selected = false, vague = false): string {
  const h = size / 2;
  const stroke = selected ? '#111' : vague ? s.color : '#fff';
  const sw = selected ? 3 : 1.5;
  const shape =
    s.shape === 'square'
      ? `<rect x="${sw}" y="${sw}" width="${size - 2 * sw}" height="${size - 2 * sw}" rx="2"/>`
      : s.shape === 'diamond'
        ? `<path d="M${h} ${sw}L${size - sw} ${h}L${h} ${size - sw}L${sw} ${h}Z"/>`
        : s.shape === 'triangle'
          ? `<path d="M${h} ${sw}L${size - sw} ${size - sw}L${sw} ${size - sw}Z"/>`
          : `<circle cx="${h}" cy="${h}" r="${h - sw}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true"><g fill="${s.color}" fill-opacity="${vague ? 0.3 : 0.9}" stroke="${stroke}" stroke-width="${sw}"${vague ? ' stroke-dasharray="3 2"' : ''}>${shape}</g></svg>`;
}
