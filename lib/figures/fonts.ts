import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

/**
 * The figure's only fonts: Noto Sans (the app's font) as TTF, because resvg reads neither WOFF2 nor
 * @font-face, and with no font it draws no text at all — silently. Missing files therefore throw.
 */
export const FONT_FAMILY = 'Noto Sans';

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans');
export const FONT_FILES = {
  regular: path.join(/*turbopackIgnore: true*/ FONT_DIR, '400Regular', 'NotoSans_400Regular.ttf'),
  bold: path.join(/*turbopackIgnore: true*/ FONT_DIR, '700Bold', 'NotoSans_700Bold.ttf'),
};

export type Weight = keyof typeof FONT_FILES;

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

interface Measurer {
  unitsPerEm: number;
  layout(text: string): {
    advanceWidth: number;
    glyphs: { id: number; path: { commands: PathCommand[] } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
  };
}

const SVG_COMMAND: Record<PathCommand['command'], string> = { moveTo: 'M', lineTo: 'L', quadraticCurveTo: 'Q', bezierCurveTo: 'C', closePath: 'Z' };

let fonts: Record<Weight, Measurer> | null = null;

/** The font files, checked to exist: a figure without its font would render blank text. */
export function fontFiles(): string[] {
  for (const file of Object.values(FONT_FILES)) {
    if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new Error(`figure font missing: ${file} (run npm ci)`);
  }
  return Object.values(FONT_FILES);
}

function load(): Record<Weight, Measurer> {
  if (fonts) return fonts;
  fontFiles();
  const open = (file: string) => fontkit.openSync(file) as unknown as Measurer;
  fonts = { regular: open(FONT_FILES.regular), bold: open(FONT_FILES.bold) };
  return fonts;
}

/**
 * Width in px of `text` set in Noto Sans at `size` px, from the font's own advance widths.
 *
 * @example
 * textWidth('Dushanbe', 12) // ≈ 52
 */
export function textWidth(text: string, size: number, weight: Weight = 'regular', letterSpacing = 0): number {
  return (advance(text, weight) * size) + letterSpacing * Math.max(0, [...text].length - 1);
}

const advances = new Map<string, number>();

/** Advance width in ems; layout is the slow part of measuring, and labels are measured many times. */
function advance(text: string, weight: Weight): number {
  const key = `${weight}\u0000${text}`;
  let em = advances.get(key);
  if (em === undefined) {
    const f = load()[weight];
    em = f.layout(text).advanceWidth / f.unitsPerEm;
    if (advances.size > 20_000) advances.clear();
    advances.set(key, em);
  }
  return em;
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width`; the last line ends in "…" when cut.
 *
 * @example
 * wrapText('A long title that needs two lines', 120, 16, 'bold', 2) // ['A long title that', 'needs two lines']
 */
export function wrapText(text: string, width: number, size: number, weight: Weight, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(next, size, weight) <= width || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      line = '';
      const last = lines.pop()!;
      lines.push(ellipsize(`${last} ${words.slice(i).join(' ')}`, width, size, weight));
      return lines;
    }
  }
  if (line) lines.push(textWidth(line, size, weight) > width ? ellipsize(line, width, size, weight) : line);
  return lines;
}

function ellipsize(text: string, width: number, size: number, weight: Weight): string {
  if (textWidth(text, size, weight) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`, size, weight) <= width) lo = mid;
    else hi = mid - 1;
  }
  const cut = chars.slice(0, lo).join('');
  // Cut at a word boundary when one is near: "two lines…" reads better than "two li…".
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface GlyphRun {
  /** Font units to px. */
  k: number;
  /** Where the run starts, px (the baseline's left end). */
  x: number;
  glyphs: { key: string; d: string; x: number; y: number }[];
}

/**
 * `text` laid out by fontkit in Noto Sans (kerning included) as glyph outlines in font units: `key`
 * names the glyph so a figure can define each outline once and place it many times; `x`, `y` are
 * font units from the run's start. `x` given is the start, middle or end of the line as `align` says.
 *
 * @example
 * glyphRun('Kulob', 12, 'regular', 0, 10, 'start').glyphs[0].key // "regular-46"
 */
export function glyphRun(text: string, size: number, weight: Weight, letterSpacing: number, x: number, align: 'start' | 'middle' | 'end'): GlyphRun {
  const f = load()[weight];
  const run = f.layout(text);
  const k = size / f.unitsPerEm;
  const width = textWidth(text, size, weight, letterSpacing);
  const start = align === 'start' ? x : align === 'middle' ? x - width / 2 : x - width;
  let pen = 0;
  const glyphs = run.glyphs.map((g, i) => {
    const pos = run.positions[i];
    const d = g.path.commands.map((c) => SVG_COMMAND[c.command] + c.args.map((v) => Math.round(v)).join(' ')).join('');
    const placed = { key: `${weight}-${g.id}`, d, x: Math.round(pen + pos.xOffset), y: Math.round(pos.yOffset) };
    pen += pos.xAdvance + letterSpacing / k;
    return placed;
  });
  return { k, x: start, glyphs: glyphs.filter((g) => g.d !== '') };
}
