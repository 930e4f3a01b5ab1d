'use client';
import { useEffect } from 'react';
import { HEIGHT_MESSAGE, HEIGHT_REQUEST } from '@/lib/embed/snippet';

/**
 * The map's own height for a given width, when the host lets the content decide (with /embed.js):
 * wide frames get a landscape map; narrow ones (phones) a squarer one, so a popup fits.
 */
export function naturalMapHeight(width: number): number {
  const h = width < 560 ? width * 0.95 : width * 0.6;
  return Math.round(Math.min(620, Math.max(300, h)));
}

/**
 * Posts the embed's content height to the host page: everything around the map at its laid-out
 * size, plus the map at its natural height for this width. It depends on the width only, so a
 * host that sets the frame to this height is not asked for another height in return.
 */
export function EmbedHeight() {
  useEffect(function postHeight() {
    if (window.parent === window) return;
    const root = document.querySelector<HTMLElement>('.embed');
    const map = document.querySelector<HTMLElement>('.embed-map');
    if (!root || !map) return;
    let last = -1;
    const measure = () => {
      let chrome = 0;
      for (const el of root.querySelectorAll<HTMLElement>('[data-embed-chrome]')) {
        if (getComputedStyle(el).position !== 'absolute') chrome += el.getBoundingClientRect().height;
      }
      return Math.ceil(chrome + naturalMapHeight(root.clientWidth));
    };
    const post = (force = false) => {
      const height = measure();
      if (!force && height === last) return;
      last = height;
      window.parent.postMessage({ type: HEIGHT_MESSAGE, version: 1, height, href: location.href }, '*');
    };
    const onMessage = (e: MessageEvent) => {
      if (e.source === window.parent && e.data && typeof e.data === 'object' && e.data.type === HEIGHT_REQUEST) post(true);
    };
    const observer = new ResizeObserver(() => post());
    observer.observe(root);
    for (const el of root.querySelectorAll('[data-embed-chrome]')) observer.observe(el);
    window.addEventListener('message', onMessage);
    document.fonts.ready.then(() => post());
    post();
    return () => {
      observer.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, []);
  return null;
}
