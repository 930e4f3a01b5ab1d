import { TYPE_SYMBOLS, markerSize, symbolSvg } from './symbols';

/** What the symbols mean, including how uncertainty is drawn. */
export function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {Object.values(TYPE_SYMBOLS)
        .slice(0, 3)
        .map((s) => (
          <div key={s.label} className="legend-row">
            <span dangerouslySetInnerHTML={{ __html: symbolSvg(s, 14) }} /> {s.label}
          </div>
        ))}
      <div className="legend-row">
        <span dangerouslySetInnerHTML={{ __html: symbolSvg(TYPE_SYMBOLS.Battles, markerSize(2, 1)) }} /> size: killed + injured
      </div>
      <div className="legend-row">
        <span dangerouslySetInnerHTML={{ __html: symbolSvg(TYPE_SYMBOLS['Violence against civilians'], 14, false, true) }} /> hollow: only the region or border is known
      </div>
      <div className="legend-row">
        <span className="legend-area" /> exact site unknown: anywhere in the area
      </div>
      <div className="legend-row">
        <span className="legend-band" /> somewhere along this stretch of border
      </div>
      <div className="legend-row">
        <span className="legend-border" /> Tajikistan–Afghanistan border
      </div>
    </div>
  );
}
