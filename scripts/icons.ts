/**
 * The toolbar and store icons, rendered at build time from the one drawing in assets/icon/huashu.svg
 * (wxt.config.ts calls this from its build:publicAssets hook). PNGs are never committed: a change to the
 * drawing shows at every size in the next build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const SOURCE = resolve(import.meta.dirname, '..', 'assets', 'icon', 'huashu.svg');

/**
 * Chrome Web Store asks for the 128 px icon's artwork at 96 px with 16 px of transparent margin, so it
 * sits with other store icons; the toolbar sizes use the whole square.
 */
function drawingFor(size: number, svg: string) {
  if (size !== 128) return svg;
  const margin = (128 * 16) / 96;
  return svg.replace(
    'viewBox="0 0 128 128"',
    `viewBox="${-margin} ${-margin} ${128 + 2 * margin} ${128 + 2 * margin}"`,
  );
}

/** Writes icons/NN.png into `dir` and returns the files as the manifest names them (icons/NN.png). */
export function renderIcons(dir: string) {
  const svg = readFileSync(SOURCE, 'utf8');
  mkdirSync(join(dir, 'icons'), { recursive: true });
  return ICON_SIZES.map((size) => {
    const relativeDest = `icons/${size}.png`;
    const png = new Resvg(drawingFor(size, svg), { fitTo: { mode: 'width', value: size } }).render().asPng();
    const absoluteSrc = join(dir, relativeDest);
    writeFileSync(absoluteSrc, png);
    return { size, relativeDest, absoluteSrc };
  });
}
