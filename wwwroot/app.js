// Small helpers for the parts of the shell that are rendered statically (no Blazor circuit):
// the theme switch and the navigation drawer on narrow screens. Also the clipboard helper used by interactive pages.
(() => {
  // Read by ThemePreference (server side), which MainLayout uses to render the matching MudBlazor palette.
  const themeCookie = "verbatim-theme";

  function toggleTheme() {
    const dark = document.querySelector("[data-theme]")?.dataset.theme !== "dark";
    document.cookie = `${themeCookie}=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
    // An enhanced refresh re-renders the layout with the other palette and keeps interactive pages alive.
    if (window.Blazor?.navigateTo) {
      window.Blazor.navigateTo(location.href, { replaceHistoryEntry: true });
    } else {
      location.reload();
    }
  }

  function setNavOpen(open) {
    document.documentElement.classList.toggle("nav-open", open);
  }

  document.addEventListener("click", event => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "toggle-theme") {
      toggleTheme();
    } else if (action === "toggle-nav") {
      setNavOpen(!document.documentElement.classList.contains("nav-open"));
    } else if (action === "close-nav" || event.target.closest(".app-drawer a")) {
      setNavOpen(false);
    }
  });

  document.addEventListener("keydown", event => {
    if (event.key === "Escape") {
      setNavOpen(false);
    }
  });

  // Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain http on a LAN).
  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const copied = document.execCommand("copy");
      area.remove();
      return copied;
    }
  }

  window.verbatim = { copyText };
})();
