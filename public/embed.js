/*! geobrief embed loader v1: sizes every geobrief iframe on the page to its content's height.
 * Usage: <iframe data-geobrief src="https://…/embed?…"></iframe><script src="https://…/embed.js" async></script>
 * The iframe posts {type: "geobrief:height", version: 1, height} to its parent; messages are taken only
 * from a geobrief iframe's own window and origin. Safe to include more than once. */
(function () {
  'use strict';
  if (window.__geobriefEmbedLoader) {
    window.__geobriefEmbedLoader.request();
    return;
  }
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-geobrief]'));
  }
  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return null;
    }
  }
  function request() {
    frames().forEach(function (f) {
      var origin = originOf(f);
      if (f.contentWindow && origin) f.contentWindow.postMessage({ type: 'geobrief:request-height' }, origin);
    });
  }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'geobrief:height' || typeof d.height !== 'number' || !(d.height > 0)) return;
    frames().forEach(function (f) {
      if (f.contentWindow !== e.source || originOf(f) !== e.origin) return;
      var h = Math.min(Math.ceil(d.height), 4000) + 'px';
      if (f.style.height === h) return;
      f.style.aspectRatio = 'auto';
      f.style.minHeight = '0';
      f.style.height = h;
      f.setAttribute('data-geobrief-sized', 'true');
    });
  });
  window.__geobriefEmbedLoader = { request: request };
  // Frames that loaded before this script already posted their height; ask again.
  request();
  window.addEventListener('load', request);
})();
