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
