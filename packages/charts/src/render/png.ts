/** PNG output: the SVG drawn by resvg with the system's fonts (DejaVu Sans expected). */
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg, type SvgOptions } from './view.js';

export interface PngOptions extends SvgOptions {
  /** Pixels per SVG unit: 2 gives a sharp image on high-density screens and in print. */
  scale?: number;
  /** Font files to load besides the system's, for names in other scripts. */
  fontFiles?: string[];
  /** The family used when a spec's fonts are missing. */
  defaultFontFamily?: string;
}

export const PNG_DEFAULTS = {
  scale: 2,
  fontFiles: [] as string[],
  defaultFontFamily: 'DejaVu Sans',
  warnings: 'throw' as const,
};

/** The chart as PNG bytes, `scale` times the size of its SVG. */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const o = { ...PNG_DEFAULTS, ...options };
  if (!(o.scale > 0))
    throw new Error(`@claimgraph/charts/render: renderPng: options.scale: ${String(o.scale)} is not a positive number`);
  const svg = await renderSvg(spec, { warnings: o.warnings });
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: o.scale },
    font: {
      loadSystemFonts: true,
      fontFiles: o.fontFiles,
      defaultFontFamily: o.defaultFontFamily,
      sansSerifFamily: o.defaultFontFamily,
    },
  });
  return resvg.render().asPng();
}

/** Width and height from a PNG's header (the IHDR chunk), for checking what was written. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b))
    throw new Error('@claimgraph/charts/render: pngSize: not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
