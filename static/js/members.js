// "Mit lokalråd": after htmx swaps a report panel in, move keyboard and screen-reader focus
// into it: to the first field with an error, else the success message or the panel heading.
// Without JavaScript the links and forms work as ordinary page loads.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target;
  if (!target || !target.id || !target.id.startsWith("panel-")) {
    return;
  }
  const focusable =
    target.querySelector('[aria-invalid="true"]') || target.querySelector("[data-autofocus]");
  if (focusable) {
    focusable.focus();
  }
});

// After a saved report the answer fills the page's announcement region (read out by screen
// readers) and names, in data-focus, where keyboard focus goes: the row's report link, or when
// the filters drop the row, the next row's link or the counter. Focus moves once the whole answer
// is in place; a MutationObserver sees the region change whichever way htmx swapped it.
(() => {
  const region = document.getElementById("gemt-besked");
  if (!region) {
    return;
  }
  new MutationObserver(() => {
    const marker = region.querySelector("[data-focus]");
    if (!marker) {
      return;
    }
    setTimeout(() => {
      const next = document.querySelector(marker.dataset.focus);
      if (next) {
        next.focus();
      }
    }, 0);
  }).observe(region, { childList: true });
})();
