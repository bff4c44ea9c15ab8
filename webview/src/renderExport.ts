// The drawing as a standalone SVG or PNG: the whole graph, not just the
// viewport, with the theme's resolved colours written into each element
// (the stylesheet and its CSS variables do not travel with the file).

import type { Layout } from './layout';

const MARGIN = 16;
/** Presentation properties the stylesheet sets on the drawing. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'opacity',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
];
const MAX_PIXELS = 32e6;
const MAX_SIDE = 16384;

export function svgSource(svg: SVGSVGElement, size: Pick<Layout, 'width' | 'height'>): string {
  const far = svg.classList.contains('kg-far');
  svg.classList.remove('kg-far'); // labels are exported at any zoom
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = svg.querySelectorAll<SVGElement>('*');
  const copies = clone.querySelectorAll<SVGElement>('*');
  live.forEach((el, i) => {
    const cs = getComputedStyle(el);
    for (const p of PROPS) copies[i].style.setProperty(p, cs.getPropertyValue(p));
  });
  const background = getComputedStyle(svg).backgroundColor;
  if (far) svg.classList.add('kg-far');

  const w = size.width + 2 * MARGIN;
  const h = size.height + 2 * MARGIN;
  clone.removeAttribute('class');
  clone.removeAttribute('data-draws');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.setAttribute('viewBox', `${-MARGIN} ${-MARGIN} ${w} ${h}`);
  clone.querySelector('.kg-world')?.removeAttribute('transform');
  clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  for (const [k, v] of [['x', -MARGIN], ['y', -MARGIN], ['width', w], ['height', h]] as const) bg.setAttribute(k, String(v));
  bg.style.setProperty('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** Renders SVG source to a PNG data URL, at up to twice its size. */
export async function pngDataUrl(source: string, size: Pick<Layout, 'width' | 'height'>): Promise<string> {
  const w = size.width + 2 * MARGIN;
  const h = size.height + 2 * MARGIN;
  const scale = Math.min(2, Math.sqrt(MAX_PIXELS / (w * h)), MAX_SIDE / w, MAX_SIDE / h);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(w * scale));
  canvas.height = Math.max(1, Math.floor(h * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/** Outside VS Code: hand the file to the browser as a download. */
export function download(name: string, data: string, type: string): void {
  const a = document.createElement('a');
  const url = data.startsWith('data:') ? data : URL.createObjectURL(new Blob([data], { type }));
  a.href = url;
  a.download = name;
  a.click();
  if (url !== data) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
