// recoupe workbench: the article page's marks (hover, click → details), the layer
// switches. Served from the binary; no inline script anywhere (CSP: script-src 'self').
"use strict";

(function () {
  const text = document.getElementById("text");
  if (!text) return;
  const body = document.getElementById("detail-body");
  let selected = null;

  function marks(ref) {
    return document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]');
  }

  function select(ref, scroll) {
    if (selected) marks(selected).forEach((el) => el.classList.remove("sel"));
    selected = ref;
    marks(ref).forEach((el) => el.classList.add("sel"));
    const detail = document.getElementById("x-" + ref);
    body.replaceChildren();
    if (detail) body.appendChild(detail.cloneNode(true));
    body.querySelectorAll("[id]").forEach((el) => el.removeAttribute("id"));
    if (scroll) {
      const first = document.getElementById("m-" + ref);
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  text.addEventListener("click", (event) => {
    const mark = event.target.closest(".m[data-ref]");
    if (mark) select(mark.dataset.ref, false);
  });
  text.addEventListener("mouseover", (event) => {
    const mark = event.target.closest(".m[data-ref]");
    document.querySelectorAll(".m.hover").forEach((el) => el.classList.remove("hover"));
    if (mark) marks(mark.dataset.ref).forEach((el) => el.classList.add("hover"));
  });
  text.addEventListener("mouseleave", () => {
    document.querySelectorAll(".m.hover").forEach((el) => el.classList.remove("hover"));
  });
  document.querySelectorAll(".panel a.jump[data-ref]").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      select(link.dataset.ref, true);
      history.replaceState(null, "", "#m-" + link.dataset.ref);
    });
  });
  document.querySelectorAll(".switches input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
  // A link to one mark (#m-a3) opens its details.
  const hash = decodeURIComponent(location.hash || "");
  if (hash.startsWith("#m-")) {
    const ref = hash.slice(3).split("-s")[0];
    if (document.getElementById("x-" + ref)) select(ref, true);
  }
})();

// Maps: the wheel zooms around the pointer, dragging pans; circles and labels keep
// their size on screen. Only the viewBox and presentation attributes change.
(function () {
  document.querySelectorAll("svg.map").forEach((svg) => {
    const base = svg.getAttribute("viewBox").split(/\s+/).map(Number);
    let view = base.slice();
    const sizes = [];
    svg.querySelectorAll("circle").forEach((c) => sizes.push([c, "r", Number(c.getAttribute("r"))]));
    svg.querySelectorAll("text").forEach((t) => {
      sizes.push([t, "font-size", Number(t.getAttribute("font-size"))]);
      sizes.push([t, "stroke-width", Number(t.getAttribute("stroke-width"))]);
    });
    function apply() {
      svg.setAttribute("viewBox", view.map((v) => v.toFixed(3)).join(" "));
      const k = view[2] / base[2];
      sizes.forEach(([el, name, value]) => el.setAttribute(name, (value * k).toFixed(3)));
    }
    function point(event) {
      const box = svg.getBoundingClientRect();
      return [view[0] + ((event.clientX - box.left) / box.width) * view[2],
              view[1] + ((event.clientY - box.top) / box.height) * view[3]];
    }
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const [px, py] = point(event);
      const factor = event.deltaY < 0 ? 0.8 : 1.25;
      const w = Math.min(view[2] * factor, base[2] * 4);
      const h = (w * base[3]) / base[2];
      view = [px - ((px - view[0]) * w) / view[2], py - ((py - view[1]) * h) / view[3], w, h];
      apply();
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (event) => {
      if (event.target.closest("a")) return;
      drag = [event.clientX, event.clientY, view[0], view[1]];
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      view[0] = drag[2] - ((event.clientX - drag[0]) / box.width) * view[2];
      view[1] = drag[3] - ((event.clientY - drag[1]) / box.height) * view[3];
      apply();
    });
    svg.addEventListener("pointerup", () => { drag = null; });
    svg.addEventListener("dblclick", () => { view = base.slice(); apply(); });
  });
})();
