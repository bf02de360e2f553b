/**
 * PNG output: the SVG drawn by resvg with the system's fonts (DejaVu Sans expected). resvg is a
 * native Node module and an optional peer dependency, loaded on the first PNG: browser users never install it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './errors.js';
import { ChartError, ChartOptionError } from '../options.js';
import { renderSvg, type SvgOptions } from './view.js';

export interface PngOptions extends SvgOptions {
  /** Pixels per SVG unit: 2 gives a sharp image on high-density screens and in print. */
  scale?: number;
  /** Font files to load besides the system's, for names in other scripts. */
  fontFiles?: string[];
  /** The family used when a spec's fonts are missing. */
  defaultFontFamily?: string;
}

/** The most pixels a PNG may hold (width × height, after scaling): 40 million, an 8000 × 5000 image. */
export const MAX_PNG_PIXELS = 40_000_000;

export const PNG_DEFAULTS = {
  scale: 2,
  fontFiles: [] as string[],
  defaultFontFamily: 'DejaVu Sans',
  warnings: 'throw' as const,
};

/** The error renderPng throws when the optional peer dependency @resvg/resvg-js is not installed. */
export class MissingRendererError extends ChartError {
  override readonly code: string = 'CHARTS_MISSING_RENDERER';
  constructor(readonly dependency: string) {
    super(
      `render: renderPng needs ${dependency}, an optional peer dependency (a native Node module, not installed for browser use): npm install ${dependency}`,
    );
    this.name = 'MissingRendererError';
  }
}

// Kept out of every exported signature: the declarations must not name a package users may not have.
type Resvg = typeof import('@resvg/resvg-js');
let cached: Promise<object> | undefined;

/** @resvg/resvg-js, imported once (or through `load`, for tests); a missing package becomes a MissingRendererError. */
export function loadResvg(load?: () => Promise<object>): Promise<object> {
  const attempt = (load ?? (() => import('@resvg/resvg-js')))().catch((error: unknown) => {
    if (!load) cached = undefined;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new MissingRendererError('@resvg/resvg-js');
    throw error;
  });
  return load ? attempt : (cached ??= attempt);
}

/** The chart as PNG bytes, `scale` times the size of its SVG. */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
  const o = { ...PNG_DEFAULTS, ...options };
  if (!(typeof o.scale === 'number' && o.scale > 0 && Number.isFinite(o.scale)))
    throw new ChartOptionError('renderPng', 'scale', `${String(o.scale)} is not a positive number`);
  const { Resvg } = (await loadResvg()) as Resvg;
  const svg = await renderSvg(spec, { warnings: o.warnings });
  const size = /^<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  if (size) {
    const [width, height] = [Math.ceil(Number(size[1]) * o.scale), Math.ceil(Number(size[2]) * o.scale)];
    if (width * height > MAX_PNG_PIXELS)
      throw new ChartOptionError(
        'renderPng',
        'scale',
        `${o.scale} would make a ${width}×${height} px image (${((width * height) / 1e6).toFixed(0)} million pixels); a PNG holds at most ${MAX_PNG_PIXELS / 1e6} million, so lower the scale or the width`,
      );
  }
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
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new ChartRenderError('pngSize: not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
